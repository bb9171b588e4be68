// Stand-in for Microsoft.Extensions.Logging.Abstractions 2.1.1 (the version Aliyun.Serverless.Core 1.0.1
// depends on): ILogger with the package's exact signatures.
using System;

namespace Microsoft.Extensions.Logging
{
    public interface ILogger
    {
        void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception exception, Func<TState, Exception, string> formatter);

        bool IsEnabled(LogLevel logLevel);

        IDisposable BeginScope<TState>(TState state);
    }
}
