// Stand-in for MySqlConnector 2.3.7 (NuGet MySqlConnector 2.3.7, source github.com/mysql-net/MySqlConnector
// tag 2.3.7, src/MySqlConnector/MySqlConnection.cs, MySqlCommand.cs, MySqlConnectionStringBuilder.cs, MySqlDataReader.cs):
// only the public members the generated mysql recipe uses, with their real signatures (mcs reads no
// nullable annotations, so `string?` is `string`). The real classes derive from System.Data.Common's
// DbConnection, DbCommand, DbDataReader and DbConnectionStringBuilder, where Dispose and ConnectionString come from;
// here they are declared directly. It talks to no server: Open throws.
using System;

namespace MySqlConnector
{
    public sealed class MySqlConnectionStringBuilder
    {
        public MySqlConnectionStringBuilder() { }
        public string ConnectionString { get; set; }
        public string Server { get; set; }
        public uint Port { get; set; }
        public string UserID { get; set; }
        public string Password { get; set; }
        public string Database { get; set; }
        public bool Pooling { get; set; }
        public string ApplicationName { get; set; }
        public uint ConnectionTimeout { get; set; }
        public uint DefaultCommandTimeout { get; set; }
    }

    public sealed class MySqlConnection : IDisposable
    {
        public MySqlConnection(string connectionString) { }
        public void Open() { throw new NotSupportedException("the MySqlConnector stand-in talks to no server"); }
        public void Close() { }
        public bool Ping() { return false; }
        public int ServerThread { get { throw new NotSupportedException("the MySqlConnector stand-in talks to no server"); } }
        public void Dispose() { }
    }

    public sealed class MySqlCommand : IDisposable
    {
        public MySqlCommand(string commandText, MySqlConnection connection) { }
        public object ExecuteScalar() { throw new NotSupportedException("the MySqlConnector stand-in talks to no server"); }
        public MySqlDataReader ExecuteReader() { throw new NotSupportedException("the MySqlConnector stand-in talks to no server"); }
        public void Dispose() { }
    }

    public sealed class MySqlDataReader : IDisposable
    {
        MySqlDataReader() { }
        public bool Read() { return false; }
        public string GetString(int ordinal) { return null; }
        public void Dispose() { }
    }
}
