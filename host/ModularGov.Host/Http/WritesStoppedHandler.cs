using Microsoft.AspNetCore.Diagnostics;
using ModularGov.Host.Storage;
using ModularGov.SharedKernel.Http;

namespace ModularGov.Host.Http;

/// <summary>
/// While the store refuses writes (a flush to disk failed), a request that fails is answered 503 naming the storage
/// failure rather than a bare 500, whatever shape the store's exception took on its way out of the grain.
/// </summary>
/// <param name="store">The district's LiteDB store; none with the Memory and Redis providers.</param>
internal sealed class WritesStoppedHandler(LiteDbStore? store = null) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (store?.WritesStopped is not { } stopped)
            return false;
        await ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, "storage-failed", "存储故障,暂停写入", "Storage failed: writes are stopped",
            stopped.Message).ExecuteAsync(http);
        return true;
    }
}
