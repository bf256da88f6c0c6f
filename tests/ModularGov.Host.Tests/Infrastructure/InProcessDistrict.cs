using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using ModularGov.Host.Hosting;
using ModularGov.SharedKernel.Modules;

namespace ModularGov.Host.Tests.Infrastructure;

/// <summary>
/// A whole district host in the test process, on its own free ports and folder, reached over real HTTP.
/// In-memory storage unless the test asks for LiteDB.
/// </summary>
internal sealed class InProcessDistrict : IAsyncDisposable
{
    public const string AdminToken = ModularGov.Testing.TestTokens.Admin;

    private readonly DistrictHost _host;
    private readonly TempFolder? _ownFolder;

    private InProcessDistrict(DistrictHost host, Uri address, TempFolder? ownFolder, string dataDir)
    {
        _host = host;
        _ownFolder = ownFolder;
        Address = address;
        DataDir = dataDir;
    }

    public Uri Address { get; }

    /// <summary>The host's data directory, where the first start leaves its files.</summary>
    public string DataDir { get; }

    public DistrictHost Host => _host;

    /// <param name="replace">Registrations that replace the host's own (see <see cref="DistrictHost.Create"/>).</param>
    public static async Task<InProcessDistrict> StartAsync(
        IDictionary<string, string>? settings = null, IReadOnlyList<IModule>? modules = null, string? dataDir = null, Action<IServiceCollection>? replace = null)
    {
        var ownFolder = dataDir is null ? new TempFolder() : null;
        var effective = new Dictionary<string, string>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:Provider"] = "Memory",
            ["Storage:DataDir"] = dataDir ?? ownFolder!.Path,
            ["Plugins:Path"] = RepoPaths.BundledPlugins,
            ["Orleans:SiloPort"] = FreePort.Next().ToString(),
            ["Auth:BootstrapToken"] = AdminToken,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            effective[key] = value;

        var host = DistrictHost.Create(effective.Select(kv => $"--{kv.Key}={kv.Value}").ToArray(), modules, replace);
        await host.App.StartAsync();
        var address = host.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new InProcessDistrict(host, new Uri(address), ownFolder, effective["Storage:DataDir"]);
    }

    public HttpClient Client(string? token = AdminToken)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Signs one of the first start's administrators in for the first time (<see cref="People.FirstSignInAsync"/>).</summary>
    public Task<Person> AdministratorAsync(string login) =>
        People.FirstSignInAsync(Address, login, People.FirstStartPasswords(DataDir)[login]);

    public async ValueTask DisposeAsync()
    {
        await _host.App.StopAsync();
        await _host.DisposeAsync();
        _ownFolder?.Dispose();
    }
}
