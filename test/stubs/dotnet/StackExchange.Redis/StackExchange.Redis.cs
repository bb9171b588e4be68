// Stand-in for StackExchange.Redis 2.8.16 (NuGet StackExchange.Redis 2.8.16, source
// github.com/StackExchange/StackExchange.Redis tag 2.8.16, src/StackExchange.Redis/ConnectionMultiplexer.cs,
// ConfigurationOptions.cs, EndPointCollection.cs, Interfaces/IDatabase.cs, Interfaces/IRedis.cs,
// RedisKey.cs, RedisResult.cs): only the public members the generated redis recipe uses, with their real
// signatures (mcs reads no nullable annotations, `init` accessors or readonly structs; IDatabase's Ping comes from IRedis
// and is declared on it directly). It talks to no server: Connect throws.
using System;
using System.IO;

namespace StackExchange.Redis
{
    [Flags]
    public enum CommandFlags
    {
        None = 0,
    }

    public struct RedisKey
    {
        public static implicit operator RedisKey(string key) { return new RedisKey(); }
    }

    public abstract class RedisResult
    {
        public static explicit operator string(RedisResult result) { return null; }
    }

    public sealed class EndPointCollection
    {
        public void Add(string host, int port) { }
    }

    public sealed class ConfigurationOptions
    {
        public bool AbortOnConnectFail { get; set; }
        public int ConnectTimeout { get; set; }
        public EndPointCollection EndPoints { get; } = new EndPointCollection();
        public int SyncTimeout { get; set; }
        public string Password { get; set; }
        public string ClientName { get; set; }
    }

    public interface IDatabase
    {
        TimeSpan Ping(CommandFlags flags = CommandFlags.None);
        RedisResult Execute(string command, params object[] args);
        long StringIncrement(RedisKey key, long value = 1, CommandFlags flags = CommandFlags.None);
    }

    public sealed class ConnectionMultiplexer : IDisposable
    {
        ConnectionMultiplexer() { }
        public static ConnectionMultiplexer Connect(ConfigurationOptions configuration, TextWriter log = null)
        {
            throw new NotSupportedException("the StackExchange.Redis stand-in talks to no server");
        }
        public bool IsConnected { get { return false; } }
        public IDatabase GetDatabase(int db = -1, object asyncState = null) { return null; }
        public void Close(bool allowCommandsToComplete = true) { }
        public void Dispose() { }
    }
}
