// Stand-in for fc-java-core 1.4.1: com.aliyun.fc.runtime.OpenTracing (aliyun/fc-java-libs).
package com.aliyun.fc.runtime;

import java.util.Map;

public interface OpenTracing {

    public String getSpanContext();

    public Map<String, String> getSpanBaggages();

    public String getJaegerEndpoint();
}
