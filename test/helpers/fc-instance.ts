// Harness programs that play FC for one Java or C# instance, the way the Go stand-in's fc.Start does
// for Go: they create the class s.yaml names and call its entry points in the order given (`initializer`,
// `handler`, `preStop`; `concurrent` sends 8 requests at once, as FC does with an instance concurrency
// above 1), with request ids as the Go stand-in names them (standin-<n>-<call>) and a fake context whose
// logger prints `<request id> [LEVEL] message`; handler answers go to stdout, one a line.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './generate.ts';
import { DOTNET_LIBRARIES } from './stand-ins.ts';
import { run } from './toolchain.ts';

// Java: the class s.yaml's handler names, called through the fc-java-core interfaces.
const JAVA_INSTANCE = `
import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.FunctionComputeLogger;
import com.aliyun.fc.runtime.FunctionInitializer;
import com.aliyun.fc.runtime.PreStopHandler;
import com.aliyun.fc.runtime.StreamRequestHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;

public class FcInstance {
    public static void main(String[] args) throws Exception {
        Object instance = Class.forName(args[0]).getConstructor().newInstance();
        for (int i = 1; i < args.length; i++) {
            Context context = context("standin-" + i + "-" + args[i]);
            if (args[i].equals("initializer")) {
                ((FunctionInitializer) instance).initialize(context);
            } else if (args[i].equals("preStop")) {
                ((PreStopHandler) instance).preStop(context);
            } else if (args[i].equals("concurrent")) {
                Thread[] threads = new Thread[8];
                for (int t = 0; t < threads.length; t++) {
                    Context request = context("standin-" + i + "-concurrent-" + t);
                    threads[t] = new Thread(() -> handle(instance, request));
                }
                for (Thread thread : threads) thread.start();
                for (Thread thread : threads) thread.join();
            } else {
                handle(instance, context);
            }
        }
    }

    static void handle(Object instance, Context context) {
        try {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            ((StreamRequestHandler) instance).handleRequest(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), output, context);
            System.out.println(new String(output.toByteArray(), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new RuntimeException(e);
        }
    }

    static Context context(String requestId) {
        Object logger = Proxy.newProxyInstance(FcInstance.class.getClassLoader(), new Class<?>[] {FunctionComputeLogger.class}, (proxy, method, args) -> {
            System.out.println(requestId + " [" + method.getName().toUpperCase() + "] " + args[0]);
            return null;
        });
        return (Context) Proxy.newProxyInstance(FcInstance.class.getClassLoader(), new Class<?>[] {Context.class}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "getRequestId": return requestId;
                case "getLogger": return logger;
                default: throw new UnsupportedOperationException(method.getName());
            }
        });
    }
}
`;

// C#: loads the assembly, creates the class and calls the methods named after `=` (call=Method).
const DOTNET_INSTANCE = `
using System;
using System.IO;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using Aliyun.Serverless.Core;
using Microsoft.Extensions.Logging;

public static class FcInstance
{
    public static void Main(string[] args)
    {
        Type type = Assembly.LoadFrom(args[0]).GetType(args[1], true);
        object instance = Activator.CreateInstance(type);
        for (int i = 2; i < args.Length; i++)
        {
            string[] call = args[i].Split('=');
            MethodInfo method = type.GetMethod(call[1]);
            string requestId = "standin-" + (i - 1) + "-" + call[0];
            if (call[0] == "concurrent")
            {
                Parallel.For(0, 8, t => Handle(instance, method, new Context(requestId + "-" + t)));
            }
            else if (call[0] == "handler")
            {
                Handle(instance, method, new Context(requestId));
            }
            else
            {
                method.Invoke(instance, new object[] { new Context(requestId) });
            }
        }
    }

    static void Handle(object instance, MethodInfo handler, IFcContext context)
    {
        Stream output = (Stream)handler.Invoke(instance, new object[] { new MemoryStream(Encoding.UTF8.GetBytes("{}")), context });
        Console.WriteLine(new StreamReader(output, Encoding.UTF8).ReadToEnd());
    }

    class Context : IFcContext
    {
        public Context(string requestId) { RequestId = requestId; Logger = new Logger(requestId); }
        public string RequestId { get; private set; }
        public IFcLogger Logger { get; private set; }
        public IFunctionParameter FunctionParam { get { return null; } }
        public ICredentials Credentials { get { return null; } }
        public string AccountId { get { return "1234567890"; } }
        public string Region { get { return "cn-hangzhou"; } }
        public IServiceMeta ServiceMeta { get { return null; } }
    }

    class Logger : IFcLogger
    {
        readonly string requestId;
        public Logger(string requestId) { this.requestId = requestId; }
        public LogLevel EnabledLogLevel { get; set; }
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception exception, Func<TState, Exception, string> formatter)
        {
            Console.WriteLine(requestId + " [" + logLevel + "] " + formatter(state, exception));
        }
        public bool IsEnabled(LogLevel logLevel) { return true; }
        public IDisposable BeginScope<TState>(TState state) { return null; }
    }
}
`;

/** Compiles the Java harness against the fc-java-core stand-in's classes; returns its classes directory. */
export function buildJavaInstance(standIn: string): string {
  const dir = tempDir('fc-java-instance-');
  writeFileSync(join(dir, 'FcInstance.java'), JAVA_INSTANCE);
  const built = run('javac', ['-cp', standIn, '-d', dir, join(dir, 'FcInstance.java')]);
  if (built.status !== 0) throw new Error(built.output);
  return dir;
}

/** Compiles the C# harness into FcInstance.exe beside the stand-in assemblies in `libraries`. */
export function buildDotnetInstance(libraries: string): void {
  writeFileSync(join(libraries, 'FcInstance.cs'), DOTNET_INSTANCE);
  const refs = DOTNET_LIBRARIES.map((library) => `-r:${join(libraries, library)}`);
  const built = run('mcs', [...refs, `-out:${join(libraries, 'FcInstance.exe')}`, join(libraries, 'FcInstance.cs')]);
  if (built.status !== 0) throw new Error(built.output);
}
