using Microsoft.Extensions.FileProviders;

namespace ModularGov.Host.Web;

/// <summary>
/// The console's style sheet and scripts, and the charting library the build fetched from npm (see the host's project file), served
/// from <c>assets/</c> beside the host's binaries at <c>/assets</c>, before authentication: nothing in them is secret.
/// </summary>
internal static class ConsoleAssets
{
    public static void Use(WebApplication app)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "assets");
        if (!Directory.Exists(folder))
            throw new InvalidOperationException($"the console's assets are missing: {folder} (the build copies them there)");
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(folder),
            RequestPath = "/assets",
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
    }
}
