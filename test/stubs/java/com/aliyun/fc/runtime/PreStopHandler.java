// Stand-in for fc-java-core 1.4.1: com.aliyun.fc.runtime.PreStopHandler (aliyun/fc-java-libs; added in 1.4.0).
package com.aliyun.fc.runtime;

import java.io.IOException;

public interface PreStopHandler {

    void preStop(Context context) throws IOException;
}
