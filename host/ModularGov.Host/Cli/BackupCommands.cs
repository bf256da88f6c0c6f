using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ModularGov.Host.Hosting;
using ModularGov.Host.Storage;
using ModularGov.SharedKernel.State;

namespace ModularGov.Host.Cli;

/// <summary>
/// <c>backup [--url U] [--token T]</c>: a consistent copy of the district's store into the backup folder. While a host holds the data
/// directory the verb asks it (<c>POST /api/admin/backups</c> at <c>--url</c>, default the default address, with <c>--token</c> or
/// <c>Auth:BootstrapToken</c>); with the host stopped it copies the store itself. <c>restore &lt;backup&gt;</c>: puts a backup in place
/// on a stopped host's data directory.
/// </summary>
internal static class BackupCommands
{
    private const string DefaultUrl = "http://127.0.0.1:5000";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        try
        {
            switch (args)
            {
                case ["backup", .. var rest]:
                    return await BackupAsync(DistrictConfiguration.Build(rest), output);
                case ["restore", var backup, .. var rest] when !backup.StartsWith("--", StringComparison.Ordinal):
                    return Restore(Path.GetFullPath(backup), DistrictConfiguration.Build(rest), output);
                default:
                    output.WriteLine("usage: backup [--url <running host>] [--token <district-admin token>] | restore <backup file>");
                    return 2;
            }
        }
        catch (UnauthorizedAccessException e)
        {
            return Refuse(output, $"{e.Message.TrimEnd('.')}: run the verb as the user the host runs as (the owner of the data directory)");
        }
    }

    private static async Task<int> BackupAsync(IConfiguration configuration, TextWriter output)
    {
        var settings = HostSettings.From(configuration);
        if (settings.Storage.Provider != StorageProviders.LiteDb)
            return Refuse(output, $"Storage:Provider is {settings.Storage.Provider}: back up the cluster's Redis (its AOF or RDB files) instead");
        var dataDir = settings.Storage.FullDataDir;
        if (!File.Exists(Path.Combine(dataDir, LiteDbStore.FileName)))
            return Refuse(output, $"没有数据 (no {LiteDbStore.FileName} in {dataDir})");
        DataDirectoryLock dataLock;
        try
        {
            dataLock = DataDirectoryLock.Acquire(dataDir);
        }
        catch (DataDirectoryInUseException)
        {
            return await AskRunningHostAsync(configuration, output);
        }
        using (dataLock)
        {
            var folder = settings.Backup.FullPath(settings.Storage);
            Directory.CreateDirectory(folder);
            return Print(output, await Backup.TakeAsync(staging =>
            {
                LiteDbStore.CopyFiles(dataDir, staging);
                return Task.CompletedTask;
            }, folder, TimeProvider.System.Now()));
        }
    }

    private static async Task<int> AskRunningHostAsync(IConfiguration configuration, TextWriter output)
    {
        var url = configuration["url"] ?? DefaultUrl;
        var token = configuration["token"] is { Length: > 0 } given ? given
            : configuration["Auth:BootstrapToken"] is { Length: > 0 } configured ? configured
            : configuration["Auth:BootstrapTokenFile"] is { Length: > 0 } file && File.Exists(file) ? File.ReadAllText(file).Trim() : null;
        if (string.IsNullOrEmpty(token))
            return Refuse(output, "主机正在运行 (a host holds the data directory): give a district-admin token with --token (or Auth:BootstrapToken, Auth:BootstrapTokenFile) to ask it for the backup");
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await http.PostAsync("/api/admin/backups", null);
            if (response.IsSuccessStatusCode)
                return Print(output, (await response.Content.ReadFromJsonAsync<BackupTaken>(JsonSerializerOptions.Web))!);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            return Refuse(output, $"{(int)response.StatusCode} {problem.GetProperty("title").GetString()}: {(problem.TryGetProperty("detail", out var detail) ? detail.GetString() : "")}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return Refuse(output, $"a host holds the data directory, but {url} gave no answer ({e.Message}); pass --url with its address");
        }
    }

    private static int Restore(string backup, IConfiguration configuration, TextWriter output)
    {
        var settings = HostSettings.From(configuration);
        if (settings.Storage.Provider != StorageProviders.LiteDb)
            return Refuse(output, $"Storage:Provider is {settings.Storage.Provider}: a backup restores a LiteDb data directory");
        try
        {
            var restored = Backup.Restore(backup, settings.Storage.FullDataDir, TimeProvider.System.Now());
            output.WriteLine($"已恢复 (restored): {backup} → {restored.DataDir}: {Describe(restored.Records)}");
            if (restored.Replaced is not null)
                output.WriteLine($"被替换的数据 (the store it replaced): {restored.Replaced}");
            return 0;
        }
        catch (DataDirectoryInUseException e)
        {
            return Refuse(output, $"{e.Message}: stop the host first");
        }
        catch (BackupRefusedException e)
        {
            return Refuse(output, e.Message);
        }
    }

    private static int Print(TextWriter output, BackupTaken taken)
    {
        output.WriteLine($"已备份 (backup taken): {taken.File}");
        output.WriteLine($"  {taken.Bytes} bytes at {taken.TakenAt:yyyy-MM-dd HH:mm:ss zzz}: {Describe(taken.Records)}");
        return 0;
    }

    private static string Describe(IReadOnlyDictionary<string, int> records) => string.Join(", ", records.Select(r => $"{r.Key} {r.Value}"));

    private static int Refuse(TextWriter output, string why)
    {
        output.WriteLine($"refused: {why}");
        return 1;
    }
}
