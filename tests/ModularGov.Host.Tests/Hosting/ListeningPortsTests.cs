using ModularGov.Host.Hosting;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Hosting;

/// <summary>
/// What a host opens to the network: its HTTP port and its silo port, and no Orleans gateway (which would take grain
/// calls from anyone reaching it, without a token). Read from the host process's own sockets in /proc.
/// </summary>
public sealed class ListeningPortsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task With_default_settings_the_host_listens_on_its_http_port_and_its_silo_port_only()
    {
        await using var host = HostProcess.Start(_folder.Path);
        await host.WaitUntilHealthyAsync();
        ListeningPorts.Of(host.Id).Order().ShouldBe(new[] { host.Address.Port, host.SiloPort }.Order(), "HTTP and the silo port, no gateway");
    }

    /// <summary>Orleans binds <c>Orleans:Endpoints</c> itself, and opens a gateway on a listening endpoint given there even with no gateway port.</summary>
    [Fact]
    public async Task Orleans_own_endpoint_settings_open_no_gateway_either()
    {
        await using var host = HostProcess.Start(_folder.Path, $"--Orleans:Endpoints:GatewayPort={FreePort.Next()}",
            $"--Orleans:Endpoints:GatewayListeningEndpoint=127.0.0.1:{FreePort.Next()}");
        await host.WaitUntilHealthyAsync();
        ListeningPorts.Of(host.Id).Order().ShouldBe(new[] { host.Address.Port, host.SiloPort }.Order(), "HTTP and the silo port, no gateway");
    }

    public void Dispose() => _folder.Dispose();
}
