// Stand-in for fc-java-core 1.4.1: com.aliyun.fc.runtime.FunctionInitializer (aliyun/fc-java-libs).
package com.aliyun.fc.runtime;

import java.io.IOException;

public interface FunctionInitializer {

    void initialize(Context context) throws IOException;
}
