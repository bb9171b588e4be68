// Stand-in for Aliyun.Serverless.Core 1.0.1 (aliyun/fc-dotnet-libs Aliyun.Serverless.Core/IFcContext.cs).
namespace Aliyun.Serverless.Core
{
    public interface IFcContext
    {
        string RequestId { get; }

        IFunctionParameter FunctionParam { get; }

        IFcLogger Logger { get; }

        ICredentials Credentials { get; }

        string AccountId { get; }

        string Region { get; }

        IServiceMeta ServiceMeta { get; }
    }
}
