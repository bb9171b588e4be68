// Stand-in for Aliyun.Serverless.Core 1.0.1 (aliyun/fc-dotnet-libs Aliyun.Serverless.Core/IFunctionParameter.cs).
namespace Aliyun.Serverless.Core
{
    using System;

    public interface IFunctionParameter
    {
        string FunctionName { get; }

        string FunctionHandler { get; }

        string FunctionInitializer { get; }

        int MemoryLimitInMB { get; }

        TimeSpan FunctionTimeout { get; }

        TimeSpan InitializationTimeout { get; }
    }
}
