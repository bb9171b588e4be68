// Stand-in for fc-java-core 1.4.1: com.aliyun.fc.runtime.FunctionComputeLogger (aliyun/fc-java-libs).
// trace..error and Level are copied from the source; fatal and setLogLevel are the 1.2.1+ additions
// (History.md: "Add ... setLogLevel api"; downstream code calls logger.fatal(String)).
package com.aliyun.fc.runtime;

public interface FunctionComputeLogger {

    void trace(String string);

    void debug(String string);

    void info(String string);

    void warn(String string);

    void error(String string);

    void fatal(String string);

    void setLogLevel(Level level);

    enum Level {
        TRACE, DEBUG, INFO, WARN, ERROR, FATAL
    }
}
