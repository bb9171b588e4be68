// Stand-in for fc-java-core 1.4.1: com.aliyun.fc.runtime.Service (aliyun/fc-java-libs).
package com.aliyun.fc.runtime;

public interface Service {

    public String getName();

    public String getLogProject();

    public String getLogStore();

    public String getQualifier();

    public String getVersionId();
}
