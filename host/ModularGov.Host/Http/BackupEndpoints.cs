using ModularGov.Host.Storage;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Http;

namespace ModularGov.Host.Http;

/// <summary>
/// <c>POST /api/admin/backups</c> (the system administrator, today the district admin): a consistent copy of the running host's store
/// into the backup folder (<c>Backup:Path</c>), answered with where it went and its size.
/// </summary>
internal static class BackupEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPlaceGroup<DistrictPlace>("/admin").WithTags("Admin").MapPost("/backups", TakeBackupAsync).Allow(DistrictAccessRules.DistrictAdmin);

    private static async Task<Results<Ok<BackupTaken>, ProblemHttpResult>> TakeBackupAsync(IServiceProvider services)
    {
        if (services.GetService<OnlineBackups>() is not { } backups)
            return ApiProblems.Problem(StatusCodes.Status409Conflict, "backup-unavailable", "当前存储无法在此备份", "No backup here: the store is not LiteDB",
                "Storage:Provider is not LiteDb; back up the cluster's Redis (its AOF or RDB files) instead, see docs/operations.md");
        try
        {
            return await backups.TryTakeAsync() is { } taken
                ? TypedResults.Ok(taken)
                : ApiProblems.Problem(StatusCodes.Status409Conflict, "backup-running", "另一个备份正在进行", "Another backup is being taken", "try again when it is done");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ApiProblems.Problem(StatusCodes.Status500InternalServerError, "backup-failed", "备份失败", "Backup failed",
                $"{e.Message} (backup folder {backups.Folder}); nothing was left under a backup's name");
        }
    }
}
