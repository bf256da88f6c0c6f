using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using ModularGov.Host.Hosting;

namespace ModularGov.Host.Tests.Infrastructure;

/// <summary>The built host executable as its own process, as district IT runs it.</summary>
internal sealed partial class HostProcess : IAsyncDisposable
{
    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private HostProcess(Process process, Uri address, int siloPort)
    {
        _process = process;
        Address = address;
        SiloPort = siloPort;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    /// <summary>The silo port the host was started on, unless the test's own settings gave another.</summary>
    public int SiloPort { get; }

    /// <summary>The host's process id: the <c>dotnet</c> muxer runs the application in its own process.</summary>
    public int Id => _process.Id;

    public string Output => string.Join('\n', _output);

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the host in <paramref name="workingDirectory"/> on a free HTTP port and free silo port.</summary>
    public static HostProcess Start(string workingDirectory, params string[] settings) => Start(workingDirectory, new Dictionary<string, string>(), settings);

    /// <summary>Starts the host as above with <paramref name="environment"/> added to its environment (e.g. <c>TZ</c>).</summary>
    public static HostProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] settings)
    {
        var port = FreePort.Next();
        var siloPort = FreePort.Next();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(RepoPaths.HostDll);
        foreach (var argument in new[] { $"--urls=http://127.0.0.1:{port}", $"--Orleans:SiloPort={siloPort}" }.Concat(settings))
            info.ArgumentList.Add(argument);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment)
            info.Environment[name] = value;
        return new HostProcess(Process.Start(info)!, new Uri($"http://127.0.0.1:{port}/"), siloPort);
    }

    /// <summary>Waits until /health answers 200; fails with the host's output if it exits or takes too long.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan? timeout = null)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"host exited with {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"host not healthy in time:\n{Output}");
    }

    /// <summary>Waits until the output holds <paramref name="text"/>; logging reaches the pipe a little after the fact.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"'{text}' never appeared in the host's output:\n{Output}");
            await Task.Delay(100);
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        _process.WaitForExit(); // flushes the redirected output
        return _process.ExitCode;
    }

    /// <summary>SIGTERM: the host stops gracefully and releases its data directory.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
            return;
        SendSignal(_process.Id, SigTerm).ShouldBe(0, "kill(2) failed");
        await WaitForExitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>SIGKILL: no shutdown, no flush, exactly like a crash.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited)
            return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
