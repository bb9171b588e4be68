// Stand-in for Jedis 5.2.0 (Maven redis.clients:jedis:5.2.0, source github.com/redis/jedis tag v5.2.0,
// src/main/java/redis/clients/jedis/Jedis.java): only the public signatures the generated redis recipe
// uses, copied exactly, so javac checks the generated code against them. It talks to no server: every
// call that would throws UnsupportedOperationException.
package redis.clients.jedis;

import java.io.Closeable;

public class Jedis implements Closeable {

  public Jedis(final String host, final int port) {
  }

  public Jedis(final HostAndPort hostPort, final JedisClientConfig config) {
  }

  public boolean isBroken() {
    return false;
  }

  @Override
  public void close() {
  }

  public String ping() {
    throw new UnsupportedOperationException("the Jedis stand-in talks to no server");
  }

  public long incr(final String key) {
    throw new UnsupportedOperationException("the Jedis stand-in talks to no server");
  }

  public String auth(final String password) {
    throw new UnsupportedOperationException("the Jedis stand-in talks to no server");
  }

  public String clientList() {
    throw new UnsupportedOperationException("the Jedis stand-in talks to no server");
  }
}
