namespace ModularGov.Host.Hosting;

/// <summary>
/// The configuration sources, lowest precedence first: appsettings.json beside the executable, environment
/// variables <c>MODULARGOV__Section__Key</c>, then command-line switches (<c>--Section:Key value</c>).
/// </summary>
internal static class DistrictConfiguration
{
    public static void AddDistrictSources(this IConfigurationBuilder configuration, string[] args)
    {
        configuration.AddEnvironmentVariables("MODULARGOV__");
        configuration.AddCommandLine(args);
    }

    public static IConfiguration Build(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true);
        configuration.AddDistrictSources(args);
        return configuration.Build();
    }
}
