// Stand-in for Jedis 5.2.0 (Maven redis.clients:jedis:5.2.0, source github.com/redis/jedis tag v5.2.0,
// src/main/java/redis/clients/jedis/DefaultJedisClientConfig.java): only the public signatures the generated redis recipe
// uses, copied exactly, so javac checks the generated code against them. Behind them, a minimal RESP
// client (not Jedis's code) with Jedis's observable behaviour: it connects on the first command,
// sends AUTH and CLIENT SETNAME from the config, and marks itself broken on an I/O error.
package redis.clients.jedis;

public final class DefaultJedisClientConfig implements JedisClientConfig {

  private final int connectionTimeoutMillis;
  private final int socketTimeoutMillis;
  private final String password;
  private final String clientName;

  private DefaultJedisClientConfig(Builder builder) {
    this.connectionTimeoutMillis = builder.connectionTimeoutMillis;
    this.socketTimeoutMillis = builder.socketTimeoutMillis;
    this.password = builder.password;
    this.clientName = builder.clientName;
  }

  @Override
  public int getConnectionTimeoutMillis() {
    return connectionTimeoutMillis;
  }

  @Override
  public int getSocketTimeoutMillis() {
    return socketTimeoutMillis;
  }

  @Override
  public String getPassword() {
    return password;
  }

  @Override
  public String getClientName() {
    return clientName;
  }

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder {

    private int connectionTimeoutMillis = 2000;
    private int socketTimeoutMillis = 2000;
    private String password;
    private String clientName;

    private Builder() {
    }

    public DefaultJedisClientConfig build() {
      return new DefaultJedisClientConfig(this);
    }

    public Builder connectionTimeoutMillis(int connectionTimeoutMillis) {
      this.connectionTimeoutMillis = connectionTimeoutMillis;
      return this;
    }

    public Builder socketTimeoutMillis(int socketTimeoutMillis) {
      this.socketTimeoutMillis = socketTimeoutMillis;
      return this;
    }

    public Builder password(String password) {
      this.password = password;
      return this;
    }

    public Builder clientName(String clientName) {
      this.clientName = clientName;
      return this;
    }
  }
}
