namespace ModularGov.Host.Hosting;

/// <summary>
/// An incoming grain call filter every silo of the district runs: a grain whose call throws is deactivated at once,
/// so the change it made in memory before the failure (a revocation whose write did not reach storage, say) is
/// forgotten and its next call starts again from what storage holds. Grains answer refusals with an Outcome, so an
/// exception is a real failure, and starting again from storage is always right, whatever threw.
/// </summary>
internal sealed class ForgetFailedCalls : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception failure)
        {
            context.TargetContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, failure,
                "a call failed: what it changed in memory is forgotten and the next call reads storage again"));
            throw;
        }
    }
}
