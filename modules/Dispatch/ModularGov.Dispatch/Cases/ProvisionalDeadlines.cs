using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModularGov.Dispatch.Contracts;
using ModularGov.SharedKernel.Calendar;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Dispatch.Cases;

/// <summary>
/// At start, once the silo is up: every open case whose deadline was counted through a year the calendar had no data
/// for is counted again, so a year's file added to <c>Calendar:Path</c> moves those deadlines and their reminders.
/// Only open cases are read (the streets' boards), so this costs nothing more as the years go by.
/// </summary>
internal sealed class ProvisionalDeadlines(IGrainFactory grains, IStreetDirectory streets, WorkingCalendar calendar, ILogger<ProvisionalDeadlines> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var recounted = 0;
        var stillProvisional = 0;
        foreach (var street in streets.All)
        {
            var open = await grains.GetGrain<IDispatchBoardGrain>(street.Code).GetOpenAsync();
            foreach (var entry in open.Where(e => e.DeadlineProvisional && e.Step < CaseStep.Closed))
            {
                var view = await grains.GetGrain<IDispatchCaseGrain>(entry.Id).RecountDeadlineAsync();
                recounted++;
                if (view?.DeadlineProvisional == true)
                    stillProvisional++;
            }
        }
        if (recounted > 0)
            log.LogInformation("暂定期限已按工作日历重算 (provisional deadlines recounted with the calendar up to {Until}): {Recounted}, still provisional {Still}",
                calendar.LastDay, recounted, stillProvisional);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
