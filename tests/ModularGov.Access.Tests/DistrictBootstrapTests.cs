using Microsoft.Extensions.Logging;
using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.State;

namespace ModularGov.Access.Tests;

/// <summary>The first start's admin token goes to a file only its owner can read; the log names the file, never the token.</summary>
public sealed class DistrictBootstrapTests(AccessCluster cluster) : IClassFixture<AccessCluster>, IDisposable
{
    private readonly string _dataDir = Path.Combine(Directory.CreateTempSubdirectory("mg-bootstrap-").FullName, "data");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_dataDir)!, recursive: true);

    [Fact]
    public async Task The_first_start_writes_the_admin_token_to_an_owner_only_file_and_logs_where_but_not_the_token()
    {
        var log = new Lines();
        var issuer = cluster.Issuer();
        var bootstrap = new DistrictBootstrap(issuer, cluster.Grains(), new AuthOptions(), new DataDirectory(_dataDir), log);
        await bootstrap.StartAsync(CancellationToken.None);

        var file = Path.Combine(_dataDir, FirstStartTokenFile.Name);
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var token = (await File.ReadAllTextAsync(file)).Trim();
        var admin = (await issuer.AuthenticateAsync(token)).ShouldNotBeNull();
        admin.Role.ShouldBe(Role.DistrictAdmin);
        admin.IssuerTokenId.ShouldBeNull("the host issued it");
        var written = log.Written.ShouldHaveSingleItem();
        written.ShouldContain(file);
        written.ShouldNotContain(token);

        File.Delete(file);
        await bootstrap.StartAsync(CancellationToken.None);
        File.Exists(file).ShouldBeFalse("only the very first start issues a token");
        log.Written.Count.ShouldBe(1);
    }

    private sealed class Lines : ILogger<DistrictBootstrap>
    {
        public List<string> Written { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Written.Add(formatter(state, exception));
    }
}
