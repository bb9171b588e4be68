// Stand-in for Aliyun.Serverless.Core 1.0.1 (aliyun/fc-dotnet-libs Aliyun.Serverless.Core/IFcLogger.cs).
namespace Aliyun.Serverless.Core
{
    using Microsoft.Extensions.Logging;

    public interface IFcLogger : ILogger
    {
        LogLevel EnabledLogLevel { get; set; }
    }
}
