// Stand-in for fc-java-core 1.4.1: com.aliyun.fc.runtime.Credentials (aliyun/fc-java-libs).
package com.aliyun.fc.runtime;

public interface Credentials {

    public String getAccessKeyId();

    public String getAccessKeySecret();

    public String getSecurityToken();
}
