using System.Globalization;
using ModularGov.Personnel.Contracts;
using ModularGov.SharedKernel.Access;

namespace ModularGov.Personnel.Roster;

// The roster from a street office's spreadsheet: each row created, updated or rejected with the reason.
internal sealed partial class PersonnelGrain
{
    public async Task<IReadOnlyList<RowOutcome>> ImportAsync(IReadOnlyList<RosterRow> rows, Actor by)
    {
        var outcomes = new List<RowOutcome>();
        var before = new Dictionary<int, Person>();
        var updated = new Dictionary<int, Person>();
        var added = new List<Person>();
        var next = NextPersonNumber();
        foreach (var row in rows)
        {
            if (row.Id is { } id)
            {
                if (!_positions.TryGetValue(id, out var at))
                {
                    outcomes.Add(new RowOutcome(row.Line, RowOutcome.Rejected, id, $"编号 {id} 不在本街道名册;新增人员请留空编号 (not on this street's roster; leave the id empty for a new person)"));
                    continue;
                }
                var current = updated.GetValueOrDefault(at) ?? (before[at] = await _people.GetAsync(at));
                if (current.Rung != row.Rung)
                {
                    outcomes.Add(new RowOutcome(row.Line, RowOutcome.Rejected, id, "层级变动须走晋升程序,不能由导入修改 (a change of rung is a career move: POST /api/people/{id}/moves)"));
                    continue;
                }
                updated[at] = current with
                {
                    Name = row.Name, Community = row.Community, Committee = row.Committee, GraduateYear = row.GraduateYear,
                    Identity = row.Identity ?? current.Identity, Phone = row.Phone ?? current.Phone,
                };
                outcomes.Add(new RowOutcome(row.Line, RowOutcome.Updated, id, null));
            }
            else if (state.State.PersonCount + added.Count >= PersonnelLimits.Roster)
                outcomes.Add(new RowOutcome(row.Line, RowOutcome.Rejected, null, $"名册最多 {PersonnelLimits.Roster} 人 (the roster holds at most {PersonnelLimits.Roster} people)"));
            else
            {
                var person = new Person
                {
                    Id = $"{Street}.r{next++:0000}", Name = row.Name, Rung = row.Rung, Community = row.Community, Committee = row.Committee,
                    GraduateYear = row.GraduateYear, Active = true, Identity = row.Identity, Phone = row.Phone, Moves = [], Sample = false,
                };
                added.Add(person);
                outcomes.Add(new RowOutcome(row.Line, RowOutcome.Created, person.Id, null));
            }
        }
        foreach (var (at, person) in updated)
        {
            await _people.SetAsync(at, person);
            _counts.Add(before[at], -1);
            _counts.Add(person, +1);
        }
        if (added.Count > 0)
        {
            await _people.AppendRangeAsync(state.State.PersonCount, added);
            foreach (var person in added)
            {
                _positions[person.Id] = state.State.PersonCount++;
                _counts.Add(person, +1);
            }
            await state.WriteStateAsync();
        }
        return outcomes;
    }

    /// <summary>The number after the highest <c>r&lt;n&gt;</c> on the roster (shipped ids need not run without gaps).</summary>
    private int NextPersonNumber() =>
        _positions.Keys.Select(id => int.TryParse(id.AsSpan(Street.Length + 2), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
}
