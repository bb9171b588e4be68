// Stand-in for Jedis 5.2.0 (Maven redis.clients:jedis:5.2.0, source github.com/redis/jedis tag v5.2.0,
// src/main/java/redis/clients/jedis/JedisClientConfig.java): only the public signatures the generated redis recipe
// uses, copied exactly, so javac checks the generated code against them. It talks to no server: every
// call that would throws UnsupportedOperationException.
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
