// Stand-in for Aliyun.Serverless.Core 1.0.1 (aliyun/fc-dotnet-libs Aliyun.Serverless.Core/IServiceMeta.cs).
namespace Aliyun.Serverless.Core
{
    public interface IServiceMeta
    {
        string Name { get; }

        string LogProject { get; }

        string LogStore { get; }

        string Qualifier { get; }

        string VersionId { get; }
    }
}
