// Pinned versions of the FC libraries that generated projects depend on.
// One constant each, so a bot or a maintainer can bump them in one place.
// Each pin is at or above the first version whose lifecycle hooks work (see fc-lifecycle-spec.md).

/** Maven com.aliyun.fc.runtime:fc-java-core (PreStopHandler needs >= 1.4.0). */
export const FC_JAVA_CORE_VERSION = '1.4.1';
/** Go module github.com/aliyun/fc-runtime-go-sdk (PreStop is broken before v0.1.0). */
export const FC_GO_SDK_VERSION = 'v0.3.1';
/** NuGet Aliyun.Serverless.Core. */
export const FC_DOTNET_CORE_VERSION = '1.0.1';
