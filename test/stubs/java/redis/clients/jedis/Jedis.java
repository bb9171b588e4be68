// Stand-in for Jedis 5.2.0 (Maven redis.clients:jedis:5.2.0, source github.com/redis/jedis tag v5.2.0,
// src/main/java/redis/clients/jedis/Jedis.java): only the public signatures the generated redis recipe
// uses, copied exactly, so javac checks the generated code against them. Behind them, a minimal RESP
// client (not Jedis's code) with Jedis's observable behaviour: it connects on the first command,
// sends AUTH and CLIENT SETNAME from the config, and marks itself broken on an I/O error.
package redis.clients.jedis;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

public class Jedis implements Closeable {

  private final HostAndPort hostPort;
  private final JedisClientConfig config;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private boolean broken;

  public Jedis(final String host, final int port) {
    this(new HostAndPort(host, port), new JedisClientConfig() { });
  }

  public Jedis(final HostAndPort hostPort, final JedisClientConfig config) {
    this.hostPort = hostPort;
    this.config = config;
  }

  public boolean isBroken() {
    return broken;
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing a dead socket
      }
      socket = null;
    }
  }

  public String ping() {
    return (String) command("PING");
  }

  public long incr(final String key) {
    return (Long) command("INCR", key);
  }

  public String auth(final String password) {
    return (String) command("AUTH", password);
  }

  public String clientList() {
    return (String) command("CLIENT", "LIST");
  }

  private Object command(String... args) {
    try {
      if (socket == null) {
        connect();
      }
      return send(args);
    } catch (IOException e) {
      broken = true;
      throw new IllegalStateException("the Jedis stand-in lost " + hostPort.getHost() + ":" + hostPort.getPort() + ": " + e, e);
    }
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.connect(new InetSocketAddress(hostPort.getHost(), hostPort.getPort()), config.getConnectionTimeoutMillis());
    socket.setSoTimeout(config.getSocketTimeoutMillis());
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
    if (config.getPassword() != null) {
      send("AUTH", config.getPassword());
    }
    if (config.getClientName() != null) {
      send("CLIENT", "SETNAME", config.getClientName());
    }
  }

  private Object send(String... args) throws IOException {
    StringBuilder request = new StringBuilder("*" + args.length + "\r\n");
    for (String arg : args) {
      request.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg).append("\r\n");
    }
    out.write(request.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
    int type = in.read();
    String line = readLine();
    switch (type) {
      case '+': return line;
      case ':': return Long.parseLong(line);
      case '-': throw new IllegalStateException("redis answered " + line);
      case '$': {
        int length = Integer.parseInt(line);
        byte[] body = new byte[length];
        int read = 0;
        while (read < length) {
          int n = in.read(body, read, length - read);
          if (n < 0) {
            throw new IOException("connection closed");
          }
          read += n;
        }
        readLine();
        return new String(body, StandardCharsets.UTF_8);
      }
      default: throw new IOException("unexpected reply type " + type);
    }
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int c = in.read(); c != '\r'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed");
      }
      line.write(c);
    }
    in.read();
    return new String(line.toByteArray(), StandardCharsets.UTF_8);
  }
}
