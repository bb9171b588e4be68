// Stand-in for fc-java-core 1.4.1: com.aliyun.fc.runtime.FunctionParam (aliyun/fc-java-libs).
package com.aliyun.fc.runtime;

public interface FunctionParam {

    public String getFunctionName();

    public String getFunctionHandler();

    public String getFunctionInitializer();

    public int getExecTimeLimitInMillis();

    public int getMemoryLimitInMB();
}
