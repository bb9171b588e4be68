// Stand-in for StackExchange.Redis 2.8.16 (NuGet StackExchange.Redis 2.8.16, source
// github.com/StackExchange/StackExchange.Redis tag 2.8.16, src/StackExchange.Redis/ConnectionMultiplexer.cs,
// ConfigurationOptions.cs, EndPointCollection.cs, Interfaces/IDatabase.cs, Interfaces/IRedis.cs,
// RedisKey.cs, RedisResult.cs): only the public members the generated redis recipe uses, with their real
// signatures (mcs reads no nullable annotations, `init` accessors or readonly structs; IDatabase's Ping
// comes from IRedis and is declared on it directly). Behind them, a minimal RESP client (not the
// library's code) with one connection, where the real multiplexer opens two (interactive and
// subscription): Connect connects, sends AUTH and CLIENT SETNAME from the options, and throws when the
// server cannot be reached, as AbortOnConnectFail = true does.
using System;
using System.IO;
using System.Net.Sockets;
using System.Text;

namespace StackExchange.Redis
{
    [Flags]
    public enum CommandFlags
    {
        None = 0,
    }

    public struct RedisKey
    {
        internal string Value;
        public static implicit operator RedisKey(string key) { return new RedisKey { Value = key }; }
    }

    public abstract class RedisResult
    {
        internal abstract string AsString();
        public static explicit operator string(RedisResult result) { return result == null ? null : result.AsString(); }
    }

    sealed class TextResult : RedisResult
    {
        readonly string text;
        internal TextResult(string text) { this.text = text; }
        internal override string AsString() { return text; }
    }

    public sealed class EndPointCollection
    {
        internal string Host;
        internal int Port;
        public void Add(string host, int port) { Host = host; Port = port; }
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
        readonly TcpClient client = new TcpClient();
        Stream stream;

        ConnectionMultiplexer() { }

        public static ConnectionMultiplexer Connect(ConfigurationOptions configuration, TextWriter log = null)
        {
            var multiplexer = new ConnectionMultiplexer();
            var endPoint = configuration.EndPoints;
            if (!multiplexer.client.ConnectAsync(endPoint.Host, endPoint.Port).Wait(configuration.ConnectTimeout > 0 ? configuration.ConnectTimeout : 5000))
            {
                throw new TimeoutException("It was not possible to connect to " + endPoint.Host + ":" + endPoint.Port);
            }
            multiplexer.client.ReceiveTimeout = configuration.SyncTimeout > 0 ? configuration.SyncTimeout : 5000;
            multiplexer.stream = multiplexer.client.GetStream();
            if (configuration.Password != null) multiplexer.Send("AUTH", configuration.Password);
            if (configuration.ClientName != null) multiplexer.Send("CLIENT", "SETNAME", configuration.ClientName);
            return multiplexer;
        }

        public bool IsConnected { get { return client.Connected; } }
        public IDatabase GetDatabase(int db = -1, object asyncState = null) { return new Database(this); }
        public void Close(bool allowCommandsToComplete = true) { client.Close(); }
        public void Dispose() { client.Close(); }

        internal string Send(params string[] args)
        {
            var request = new StringBuilder("*" + args.Length + "\r\n");
            foreach (string arg in args) request.Append("$" + Encoding.UTF8.GetByteCount(arg) + "\r\n" + arg + "\r\n");
            byte[] bytes = Encoding.UTF8.GetBytes(request.ToString());
            stream.Write(bytes, 0, bytes.Length);
            int type = stream.ReadByte();
            string line = ReadLine();
            switch (type)
            {
                case '+': case ':': return line;
                case '-': throw new InvalidOperationException("redis answered " + line);
                case '$':
                    var body = new byte[int.Parse(line)];
                    for (int read = 0; read < body.Length;)
                    {
                        int n = stream.Read(body, read, body.Length - read);
                        if (n <= 0) throw new IOException("connection closed");
                        read += n;
                    }
                    ReadLine();
                    return Encoding.UTF8.GetString(body);
                default: throw new IOException("unexpected reply type " + type);
            }
        }

        string ReadLine()
        {
            var line = new StringBuilder();
            for (int c = stream.ReadByte(); c != '\r'; c = stream.ReadByte())
            {
                if (c < 0) throw new IOException("connection closed");
                line.Append((char)c);
            }
            stream.ReadByte();
            return line.ToString();
        }

        sealed class Database : IDatabase
        {
            readonly ConnectionMultiplexer multiplexer;
            internal Database(ConnectionMultiplexer multiplexer) { this.multiplexer = multiplexer; }
            public TimeSpan Ping(CommandFlags flags = CommandFlags.None) { multiplexer.Send("PING"); return TimeSpan.Zero; }
            public RedisResult Execute(string command, params object[] args)
            {
                var all = new string[args.Length + 1];
                all[0] = command;
                for (int i = 0; i < args.Length; i++) all[i + 1] = Convert.ToString(args[i]);
                return new TextResult(multiplexer.Send(all));
            }
            public long StringIncrement(RedisKey key, long value = 1, CommandFlags flags = CommandFlags.None)
            {
                return long.Parse(multiplexer.Send("INCRBY", key.Value, value.ToString()));
            }
        }
    }
}
