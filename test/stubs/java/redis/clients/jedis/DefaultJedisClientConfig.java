// Stand-in for Jedis 5.2.0 (Maven redis.clients:jedis:5.2.0, source github.com/redis/jedis tag v5.2.0,
// src/main/java/redis/clients/jedis/DefaultJedisClientConfig.java): only the public signatures the generated redis recipe
// uses, copied exactly, so javac checks the generated code against them. It talks to no server: every
// call that would throws UnsupportedOperationException.
package redis.clients.jedis;

public final class DefaultJedisClientConfig implements JedisClientConfig {

  private DefaultJedisClientConfig() {
  }

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder {

    private Builder() {
    }

    public DefaultJedisClientConfig build() {
      return new DefaultJedisClientConfig();
    }

    public Builder connectionTimeoutMillis(int connectionTimeoutMillis) {
      return this;
    }

    public Builder socketTimeoutMillis(int socketTimeoutMillis) {
      return this;
    }

    public Builder password(String password) {
      return this;
    }

    public Builder clientName(String clientName) {
      return this;
    }
  }
}
