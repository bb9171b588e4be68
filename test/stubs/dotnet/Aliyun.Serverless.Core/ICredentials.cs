// Stand-in for Aliyun.Serverless.Core 1.0.1 (aliyun/fc-dotnet-libs Aliyun.Serverless.Core/ICredentials.cs).
namespace Aliyun.Serverless.Core
{
    public interface ICredentials
    {
        string AccessKeyId { get; }

        string AccessKeySecret { get; }

        string SecurityToken { get; }
    }
}
