// Stand-in for fc-java-core 1.4.1: the public API of com.aliyun.fc.runtime.Context as published in
// aliyun/fc-java-libs (fc-java-core/src/main/java/com/aliyun/fc/runtime/Context.java).
package com.aliyun.fc.runtime;

public interface Context {

    public String getRequestId();

    public Credentials getExecutionCredentials();

    public FunctionParam getFunctionParam();

    public Service getService();

    public FunctionComputeLogger getLogger();

    public OpenTracing getTracing();

    public int getRetryCount();
}
