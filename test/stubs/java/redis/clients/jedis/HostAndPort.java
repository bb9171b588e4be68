// Stand-in for Jedis 5.2.0 (Maven redis.clients:jedis:5.2.0, source github.com/redis/jedis tag v5.2.0,
// src/main/java/redis/clients/jedis/HostAndPort.java): only the public signatures the generated redis recipe
// uses, copied exactly, so javac checks the generated code against them. Behind them, a minimal RESP
// client (not Jedis's code) with Jedis's observable behaviour: it connects on the first command,
// sends AUTH and CLIENT SETNAME from the config, and marks itself broken on an I/O error.
package redis.clients.jedis;

import java.io.Serializable;

public class HostAndPort implements Serializable {

  private final String host;
  private final int port;

  public HostAndPort(String host, int port) {
    this.host = host;
    this.port = port;
  }

  public String getHost() {
    return host;
  }

  public int getPort() {
    return port;
  }
}
