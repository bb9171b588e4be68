// Stand-in for Microsoft.Extensions.Logging.Abstractions 2.1.1: the LoggerExtensions overloads with the
// package's signatures. Message templates are formatted positionally ("{Name}" takes the next argument),
// as the package's LogValuesFormatter does for the text.
using System;
using System.Text.RegularExpressions;

namespace Microsoft.Extensions.Logging
{
    public static class LoggerExtensions
    {
        public static void LogTrace(this ILogger logger, EventId eventId, Exception exception, string message, params object[] args) { Write(logger, LogLevel.Trace, eventId, exception, message, args); }
        public static void LogTrace(this ILogger logger, EventId eventId, string message, params object[] args) { Write(logger, LogLevel.Trace, eventId, null, message, args); }
        public static void LogTrace(this ILogger logger, Exception exception, string message, params object[] args) { Write(logger, LogLevel.Trace, 0, exception, message, args); }
        public static void LogTrace(this ILogger logger, string message, params object[] args) { Write(logger, LogLevel.Trace, 0, null, message, args); }

        public static void LogDebug(this ILogger logger, EventId eventId, Exception exception, string message, params object[] args) { Write(logger, LogLevel.Debug, eventId, exception, message, args); }
        public static void LogDebug(this ILogger logger, EventId eventId, string message, params object[] args) { Write(logger, LogLevel.Debug, eventId, null, message, args); }
        public static void LogDebug(this ILogger logger, Exception exception, string message, params object[] args) { Write(logger, LogLevel.Debug, 0, exception, message, args); }
        public static void LogDebug(this ILogger logger, string message, params object[] args) { Write(logger, LogLevel.Debug, 0, null, message, args); }

        public static void LogInformation(this ILogger logger, EventId eventId, Exception exception, string message, params object[] args) { Write(logger, LogLevel.Information, eventId, exception, message, args); }
        public static void LogInformation(this ILogger logger, EventId eventId, string message, params object[] args) { Write(logger, LogLevel.Information, eventId, null, message, args); }
        public static void LogInformation(this ILogger logger, Exception exception, string message, params object[] args) { Write(logger, LogLevel.Information, 0, exception, message, args); }
        public static void LogInformation(this ILogger logger, string message, params object[] args) { Write(logger, LogLevel.Information, 0, null, message, args); }

        public static void LogWarning(this ILogger logger, EventId eventId, Exception exception, string message, params object[] args) { Write(logger, LogLevel.Warning, eventId, exception, message, args); }
        public static void LogWarning(this ILogger logger, EventId eventId, string message, params object[] args) { Write(logger, LogLevel.Warning, eventId, null, message, args); }
        public static void LogWarning(this ILogger logger, Exception exception, string message, params object[] args) { Write(logger, LogLevel.Warning, 0, exception, message, args); }
        public static void LogWarning(this ILogger logger, string message, params object[] args) { Write(logger, LogLevel.Warning, 0, null, message, args); }

        public static void LogError(this ILogger logger, EventId eventId, Exception exception, string message, params object[] args) { Write(logger, LogLevel.Error, eventId, exception, message, args); }
        public static void LogError(this ILogger logger, EventId eventId, string message, params object[] args) { Write(logger, LogLevel.Error, eventId, null, message, args); }
        public static void LogError(this ILogger logger, Exception exception, string message, params object[] args) { Write(logger, LogLevel.Error, 0, exception, message, args); }
        public static void LogError(this ILogger logger, string message, params object[] args) { Write(logger, LogLevel.Error, 0, null, message, args); }

        public static void LogCritical(this ILogger logger, EventId eventId, Exception exception, string message, params object[] args) { Write(logger, LogLevel.Critical, eventId, exception, message, args); }
        public static void LogCritical(this ILogger logger, EventId eventId, string message, params object[] args) { Write(logger, LogLevel.Critical, eventId, null, message, args); }
        public static void LogCritical(this ILogger logger, Exception exception, string message, params object[] args) { Write(logger, LogLevel.Critical, 0, exception, message, args); }
        public static void LogCritical(this ILogger logger, string message, params object[] args) { Write(logger, LogLevel.Critical, 0, null, message, args); }

        static void Write(ILogger logger, LogLevel level, EventId eventId, Exception exception, string message, object[] args)
        {
            if (logger == null)
            {
                throw new ArgumentNullException("logger");
            }
            int next = 0;
            string text = args == null || args.Length == 0
                ? message
                : Regex.Replace(message, @"\{[^{}]+\}", match => next < args.Length ? Convert.ToString(args[next++]) : match.Value);
            logger.Log<object>(level, eventId, text, exception, (state, error) => (string)state);
        }
    }
}
