using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using ModularGov.Host.Tests.Http;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Storage;

/// <summary>
/// Host processes as silos of one cluster on a real Redis, talking over mutual TLS with certificates of a CA the test
/// makes: two silos serve every grid, and when one is killed with SIGKILL the other serves them all with their state;
/// a silo whose certificate another CA issued cannot join, and the silo port takes no other certificate.
/// </summary>
public sealed class ClusterTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly RedisServer _redis = RedisServer.Start();
    private readonly TestCa _ca;
    private readonly string _cluster = "c" + Guid.NewGuid().ToString("N")[..8];

    public ClusterTests() => _ca = TestCa.Create(_folder.Sub("ca"), "ModularGov test cluster CA");

    private static readonly string[] Grids =
        ["nanshanlu.g001", "nanshanlu.g002", "nanshanlu.g003", "shangzhan.g001", "shangzhan.g002", "beidajie.g001", "yijing.g001", "yijing.g002"];

    private static HttpClient Client(HostProcess host)
    {
        var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ModularGov.Testing.TestTokens.Cluster);
        return client;
    }

    private string[] ClusterSettings()
    {
        Directory.CreateDirectory(_folder.Sub("a"));
        Directory.CreateDirectory(_folder.Sub("b"));
        // The silos share one key file made beforehand, as operations.md asks of a cluster (a silo never makes its own).
        var keys = Path.Combine(_folder.Sub("keys"), "personal-data.key");
        ModularGov.SharedKernel.Privacy.FieldCipher.Load(new ModularGov.SharedKernel.Privacy.PrivacyOptions { KeyFile = keys }, new ModularGov.SharedKernel.State.DataDirectory(_folder.Sub("keys")));
        return [$"--Privacy:KeyFile={keys}", "--Storage:Provider=Redis", $"--Storage:Redis={_redis.Connection}", $"--Orleans:ClusterId={_cluster}",
            $"--Orleans:ServiceId=s{_cluster}", $"--Auth:BootstrapToken={ModularGov.Testing.TestTokens.Cluster}", "--Logging:LogLevel:Default=Warning"];
    }

    [Fact]
    public async Task Every_grid_answers_through_the_surviving_silo_with_its_state_after_the_other_is_killed()
    {
        var settings = ClusterSettings();
        // One silo's certificate as PKCS#12 with a password, the other's as PEM certificate and key files.
        await using var first = HostProcess.Start(_folder.Sub("a"), [.. settings, .. _ca.IssueSilo("silo-a", pkcs12: true)]);
        await using var second = HostProcess.Start(_folder.Sub("b"), [.. settings, .. _ca.IssueSilo("silo-b", pkcs12: false)]);
        await Task.WhenAll(first.WaitUntilHealthyAsync(), second.WaitUntilHealthyAsync());
        await WaitForSilosAsync(second, 2);
        foreach (var silo in new[] { first, second })
            ListeningPorts.Of(silo.Id).Order().ShouldBe(new[] { silo.Address.Port, silo.SiloPort }.Order(), "HTTP and the silo port, no gateway");

        var filed = new Dictionary<string, List<string>>();
        var hosts = new[] { first, second };
        for (var i = 0; i < Grids.Length * 2; i++)
        {
            var grid = Grids[i % Grids.Length];
            using var client = Client(hosts[i % 2]);
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/grids/{grid}/problems")
            {
                Content = JsonContent.Create(new { category = "environment", description = $"集群事项 {i}", location = "测试" }),
            };
            request.Headers.Add("Idempotency-Key", $"cluster-{i}");
            var response = await client.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            (filed.TryGetValue(grid, out var ids) ? ids : filed[grid] = []).Add((await response.JsonAsync()).GetProperty("id").GetString()!);
        }

        await first.KillAsync();
        var clock = Stopwatch.StartNew();
        using var survivor = Client(second);
        foreach (var (grid, ids) in filed)
        {
            var answered = false;
            while (!answered && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                try
                {
                    var response = await survivor.GetAsync($"/api/grids/{grid}/problems");
                    if (response.IsSuccessStatusCode)
                    {
                        var problems = (await response.JsonAsync()).EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
                        problems.Order().ShouldBe(ids.Order());
                        answered = true;
                    }
                }
                catch (TaskCanceledException)
                {
                }
                if (!answered)
                    await Task.Delay(500);
            }
            answered.ShouldBeTrue($"{grid} did not answer through the surviving silo within 60 s:\n{second.Output}");
        }
        var summary = await (await survivor.GetAsync("/api/streets/nanshanlu/summary")).JsonAsync();
        summary.GetProperty("problems").GetProperty("filed").GetInt32().ShouldBe(6);
    }

    /// <summary>Live pages in a cluster: a street page's event stream on one silo hears of problems filed through the other.</summary>
    [Fact]
    public async Task A_street_page_open_on_one_silo_is_told_of_problems_filed_through_the_other()
    {
        var settings = ClusterSettings();
        await using var first = HostProcess.Start(_folder.Sub("a"), [.. settings, .. _ca.IssueSilo("silo-a", pkcs12: true)]);
        await using var second = HostProcess.Start(_folder.Sub("b"), [.. settings, .. _ca.IssueSilo("silo-b", pkcs12: false)]);
        await Task.WhenAll(first.WaitUntilHealthyAsync(), second.WaitUntilHealthyAsync());
        await WaitForSilosAsync(second, 2);

        using var page = Client(second);
        page.Timeout = TimeSpan.FromSeconds(90);
        using var stream = new StreamReader(await page.GetStreamAsync("/streets/nanshanlu/live"));
        (await NextEventAsync(stream)).ShouldStartWith("event: connected");
        using var filer = Client(first);
        foreach (var grid in new[] { "nanshanlu.g001", "nanshanlu.g002", "nanshanlu.g003" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/grids/{grid}/problems")
            {
                Content = JsonContent.Create(new { category = "environment", description = "集群实时", location = "测试" }),
            };
            request.Headers.Add("Idempotency-Key", $"live-{grid}");
            (await filer.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Created);
            string heard;
            do
                heard = await NextEventAsync(stream);
            while (heard.StartsWith("event: ping", StringComparison.Ordinal));
            heard.ShouldStartWith("event: changed");
            heard.ShouldContain($"\"id\":\"{grid}\"");
        }
    }

    /// <summary>The next server-sent event (its lines up to the blank one), or a failure after 30 s.</summary>
    private static async Task<string> NextEventAsync(StreamReader stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var lines = new List<string>();
        while (await stream.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Length == 0 && lines.Count > 0)
                return string.Join('\n', lines);
            if (line.Length > 0)
                lines.Add(line);
        }
        throw new InvalidOperationException("the event stream ended");
    }

    /// <summary>强退 in a cluster: a person's session works through either silo, and once ended through one it is refused by both.</summary>
    [Fact]
    public async Task A_session_ended_through_one_silo_is_refused_at_once_by_the_other()
    {
        var settings = ClusterSettings();
        await using var first = HostProcess.Start(_folder.Sub("a"), [.. settings, .. _ca.IssueSilo("silo-a", pkcs12: true)]);
        await using var second = HostProcess.Start(_folder.Sub("b"), [.. settings, .. _ca.IssueSilo("silo-b", pkcs12: false)]);
        await Task.WhenAll(first.WaitUntilHealthyAsync(), second.WaitUntilHealthyAsync());
        await WaitForSilosAsync(second, 2);
        // Both silos ran the first start at once; each wrote the passwords of the accounts it created.
        var passwords = new[] { "a", "b" }.Select(silo => Path.Combine(_folder.Sub(silo), "data"))
            .Where(data => File.Exists(Path.Combine(data, "first-start-accounts"))).SelectMany(People.FirstStartPasswords).ToDictionary();
        var system = await People.FirstSignInAsync(first.Address, "sysadmin", passwords["sysadmin"]);
        var security = await People.FirstSignInAsync(second.Address, "secadmin", passwords["secadmin"]);

        // Cookies belong to the host name, not the port: the same cookie reaches both silos.
        foreach (var silo in new[] { first, second })
            (await system.Client.GetAsync(new Uri(silo.Address, "/api/streets"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var online = await (await security.Client.GetAsync("/api/sessions")).JsonAsync();
        var session = online.EnumerateArray().Single(s => s.GetProperty("login").GetString() == "sysadmin").GetProperty("id").GetString();
        (await security.Client.DeleteAsync($"/api/sessions/{session}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        foreach (var silo in new[] { first, second })
            await (await system.Client.GetAsync(new Uri(silo.Address, "/api/streets"))).ShouldBeProblemAsync(401);
    }

    [Fact]
    public async Task A_silo_whose_certificate_another_CA_issued_cannot_join_and_the_silo_port_takes_only_the_cluster_CAs_certificates()
    {
        var settings = ClusterSettings();
        await using var member = HostProcess.Start(_folder.Sub("a"), [.. settings, .. _ca.IssueSilo("silo-a", pkcs12: true)]);
        await member.WaitUntilHealthyAsync();

        // A silo answers a connection it accepts with its Orleans preamble, which names the cluster, and closes one it refuses.
        using var strangers = TestCa.Create(_folder.Sub("stranger-ca"), "Not the district's CA");
        using (var clusters = _ca.Issue("probe"))
        {
            var (server, received) = await ConnectAsync(member.SiloPort, clusters, _cluster);
            server.ShouldBe("CN=silo-a", "the silo presents its own certificate");
            Encoding.ASCII.GetString(received).Contains(_cluster, StringComparison.Ordinal).ShouldBeTrue("a certificate of the cluster's CA is taken");
        }
        using (var stranger = strangers.Issue("probe"))
            (await ConnectAsync(member.SiloPort, stranger, _cluster)).Received.ShouldBeEmpty("a certificate of another CA is refused");
        (await ConnectAsync(member.SiloPort, null, _cluster)).Received.ShouldBeEmpty("a connection without a certificate is refused");

        // A silo of another CA, pointed at the cluster's Redis: it finds the member but cannot reach it, so it never joins.
        await using var outsider = HostProcess.Start(_folder.Sub("b"), [.. settings, .. strangers.IssueSilo("silo-b", pkcs12: true)]);
        await outsider.WaitForOutputAsync("Failed to get ping responses from 1 of 1 active silos", TimeSpan.FromSeconds(90));
        using var client = Client(member);
        (await (await client.GetAsync("/health")).JsonAsync()).GetProperty("silos").GetInt32().ShouldBe(1, outsider.Output);
    }

    /// <summary>
    /// A TLS connection to <paramref name="port"/> presenting <paramref name="certificate"/>: the server's certificate,
    /// and what the server sends until it closes the connection (at once, when it refused) or has sent <paramref name="until"/>.
    /// </summary>
    private static async Task<(string? Server, byte[] Received)> ConnectAsync(int port, X509Certificate2? certificate, string until)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        await using var tls = new SslStream(tcp.GetStream());
        string? server = null;
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = "silo",
            ClientCertificates = certificate is null ? null : new X509CertificateCollection { certificate },
            LocalCertificateSelectionCallback = (_, _, _, _, _) => certificate,
            RemoteCertificateValidationCallback = (_, presented, _, _) =>
            {
                server = presented?.Subject;
                return true;
            },
        };
        var received = new List<byte>();
        // Guards against a hang only: either outcome is an event (data, or the connection closed), not a wait.
        using var hang = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await tls.AuthenticateAsClientAsync(options, hang.Token);
            var buffer = new byte[4096];
            // Under TLS 1.3 the client's handshake ends before the server has judged its certificate: a refusal arrives as
            // an alert or the end of the stream at the first read.
            for (int read; !Encoding.ASCII.GetString([.. received]).Contains(until, StringComparison.Ordinal)
                 && (read = await tls.ReadAsync(buffer, hang.Token)) > 0;)
                received.AddRange(buffer[..read]);
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
        }
        return (server, [.. received]);
    }

    private static async Task WaitForSilosAsync(HostProcess host, int silos)
    {
        using var client = Client(host);
        for (var attempt = 0; attempt < 60; attempt++)
        {
            if ((await (await client.GetAsync("/health")).JsonAsync()).GetProperty("silos").GetInt32() == silos)
                return;
            await Task.Delay(500);
        }
        throw new TimeoutException($"the cluster never showed {silos} silos:\n{host.Output}");
    }

    public void Dispose()
    {
        _ca.Dispose();
        _redis.Dispose();
        _folder.Dispose();
    }
}
