using System.Diagnostics;
using ModularGov.Host.Hosting;

namespace ModularGov.Host.Tests.Infrastructure;

/// <summary>
/// A real Redis server for cluster tests: the one named by MODULARGOV_TEST_REDIS (host:port, as ./test.sh starts it),
/// or one of the test's own, started from Debian's redis-server on a free port and stopped afterwards.
/// </summary>
internal sealed class RedisServer : IDisposable
{
    private readonly Process? _own;

    private RedisServer(string connection, Process? own)
    {
        Connection = connection;
        _own = own;
    }

    public string Connection { get; }

    public static RedisServer Start()
    {
        if (Environment.GetEnvironmentVariable("MODULARGOV_TEST_REDIS") is { Length: > 0 } shared)
            return new RedisServer(shared, null);
        var port = FreePort.Next();
        Process own;
        try
        {
            own = Process.Start(new ProcessStartInfo("redis-server", ["--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("cluster tests need Debian's redis-server (apt-get install redis-server; ./test.sh does)", e);
        }
        WaitForPort(port);
        return new RedisServer($"127.0.0.1:{port}", own);
    }

    private static void WaitForPort(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new System.Net.Sockets.TcpClient("127.0.0.1", port);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                Thread.Sleep(50);
            }
        }
        throw new TimeoutException($"redis-server did not listen on {port}");
    }

    public void Dispose()
    {
        if (_own is { HasExited: false })
        {
            _own.Kill();
            _own.WaitForExit();
        }
        _own?.Dispose();
    }
}
