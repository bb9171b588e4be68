// Stand-in for Microsoft.Extensions.Logging.Abstractions 2.1.1: LogLevel, same names and values.
namespace Microsoft.Extensions.Logging
{
    public enum LogLevel
    {
        Trace = 0,
        Debug = 1,
        Information = 2,
        Warning = 3,
        Error = 4,
        Critical = 5,
        None = 6,
    }
}
