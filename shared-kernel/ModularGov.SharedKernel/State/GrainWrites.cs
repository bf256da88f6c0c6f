namespace ModularGov.SharedKernel.State;

public static class GrainWrites
{
    /// <summary>
    /// Runs writes that change the grain's state in memory before they reach storage. Should one fail, the copy in
    /// memory is ahead of storage: the grain deactivates, so that its next call starts again from what storage holds.
    /// </summary>
    public static async Task CommitOrDeactivateAsync(this IGrainBase grain, Func<Task> write)
    {
        try
        {
            await write();
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
