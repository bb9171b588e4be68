// Stand-in for Jedis 5.2.0 (Maven redis.clients:jedis:5.2.0, source github.com/redis/jedis tag v5.2.0,
// src/main/java/redis/clients/jedis/JedisClientConfig.java): only the public signatures the generated redis recipe
// uses, copied exactly, so javac checks the generated code against them. Behind them, a minimal RESP
// client (not Jedis's code) with Jedis's observable behaviour: it connects on the first command,
// sends AUTH and CLIENT SETNAME from the config, and marks itself broken on an I/O error.
package redis.clients.jedis;

public interface JedisClientConfig {

  default int getConnectionTimeoutMillis() {
    return 2000;
  }

  default int getSocketTimeoutMillis() {
    return 2000;
  }

  default String getPassword() {
    return null;
  }

  default String getClientName() {
    return null;
  }
}
