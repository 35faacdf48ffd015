namespace Monitoring.Tools.Generate;

/// <summary>
/// Walks one case through the social inclusion pathway — assigned → convocation → first_meeting
/// (held/no_show) → preassessment_completed (simple/complex/employment) → assessment_completed
/// (complex only) → plan_signed → monitoring_meeting … → closed — with lags in days scaled by the
/// ATS's lag factor (slow ATS ≈ 3×). The operator on each event is whoever holds the case's post
/// that day; a vacancy pushes events to the replacement's first day (with a re-assignment event).
/// Nothing is dated after the reference date.
/// </summary>
internal sealed class CaseSimulator(Territory territory, StaffingPlan staffing, ExportWriters writers, IdSequence ids)
{
    private static readonly string[] Services = ["housing", "mental_health", "childcare", "training", "addiction", "disability", "legal", "other"];
    private static readonly double[] ServiceWeights = [0.22, 0.36, 0.52, 0.74, 0.80, 0.88, 0.93, 1.0];

    private readonly List<(string Type, DateOnly Date, string? Operator, string? Outcome, string? Notes)> _events = [];
    private readonly DateOnly _reference = territory.ReferenceDate;

    // Per-case state.
    private Random _rng = null!;
    private CaseManagerSlot _slot = null!;
    private string? _operator;
    private DateOnly _last;
    private DateOnly? _closed;
    private string? _closureReason;
    private DateOnly? _forcedClose;
    private List<PersonDraft> _members = null!;
    private double _lag;

    public void Simulate(Random rng, string householdId, AtsUnit ats, DateOnly opened, DateOnly? benefitEnd, List<PersonDraft> members)
    {
        _rng = rng; _members = members; _lag = ats.LagFactor;
        _events.Clear(); _operator = null; _closed = null; _closureReason = null; _last = opened;
        _forcedClose = benefitEnd is { } e && e < _reference ? e.AddDays(5 + rng.ExpDays(20)) : null;
        var caseId = ids.Case();

        var t = opened.AddDays(rng.ExpDays(3 * _lag));
        _slot = ChooseSlot(staffing.SlotsByAts[ats.Index], t);
        DateOnly? plan = null;
        if (Step(ref t, "assigned", null, explicitAssignment: true)
            && Pathway(ref t, out plan))
            Monitoring(ref t);
        if (_closed is null && _forcedClose is { } fc && fc <= _reference)
        {
            var c = fc < _last ? _last : fc;
            Close(ref c, "benefit_ended");
        }
        if (_closed is null)
        {
            // An open case passes to whoever holds the post on the reference date.
            var holder = _slot.At(_reference);
            if (holder is not null && holder.OperatorId != _operator && _operator is not null)
                Emit("assigned", holder.From > _last ? holder.From : _last, holder.OperatorId, null);
        }

        var w = writers.Cases;
        w.Text(caseId); w.Text(householdId); w.Text(ats.Code); w.Text(_operator); w.Date(opened);
        w.Date(_closed); w.Text(_closureReason);
        w.Text(rng.Chance(0.55) ? NotesWriter.CaseNote(rng, members) : null);
        w.EndRow();

        var ev = writers.Events;
        foreach (var (type, date, op, outcome, notes) in _events)
        {
            ev.Text(ids.Event()); ev.Text(caseId); ev.Text(type); ev.Date(date); ev.Text(op); ev.Text(outcome); ev.Text(notes);
            ev.EndRow();
        }
        if (plan is { } p) Referrals(caseId, p);
    }

    private CaseManagerSlot ChooseSlot(List<CaseManagerSlot> slots, DateOnly day)
    {
        var started = 0;
        foreach (var s in slots) if (s.Start <= day) started++;
        if (started == 0) return slots.MinBy(s => s.Start)!;
        var k = _rng.Next(started);
        foreach (var s in slots)
            if (s.Start <= day && k-- == 0) return s;
        return slots[0];
    }

    // The main pathway up to the signed plan; false when the case stops (closed, stalled, or past the reference date).
    private bool Pathway(ref DateOnly t, out DateOnly? plan)
    {
        plan = null;
        var noShows = 0;
        while (true)
        {
            t = t.AddDays(2 + _rng.ExpDays(10 * _lag));
            if (!Step(ref t, "convocation", null)) return false;
            t = t.AddDays(5 + _rng.ExpDays(9 * _lag));
            var noShow = _rng.Chance(0.13);
            if (!Step(ref t, "first_meeting", noShow ? "no_show" : "held")) return false;
            if (!noShow) break;
            if (++noShows >= 2 && _rng.Chance(0.6))
            {
                t = t.AddDays(10 + _rng.ExpDays(20));
                Close(ref t, "no_contact");
                return false;
            }
        }
        t = t.AddDays(_rng.ExpDays(8 * _lag));
        var x = _rng.NextDouble();
        var route = x < 0.45 ? "simple" : x < 0.82 ? "complex" : "employment";
        if (!Step(ref t, "preassessment_completed", route)) return false;
        if (route == "employment")
        {
            // Routed to the employment services: the social services close their case.
            t = t.AddDays(3 + _rng.ExpDays(10));
            Close(ref t, "other");
            return false;
        }
        if (route == "complex")
        {
            t = t.AddDays(10 + _rng.ExpDays(20 * _lag));
            if (!Step(ref t, "assessment_completed", null)) return false;
        }
        t = t.AddDays(5 + _rng.ExpDays(15 * _lag));
        if (!Step(ref t, "plan_signed", null)) return false;
        plan = t;
        return true;
    }

    private void Monitoring(ref DateOnly t)
    {
        while (true)
        {
            t = t.AddDays(20 + _rng.ExpDays(18 * _lag));
            if (!Step(ref t, "monitoring_meeting", null)) return;
            if (_rng.Chance(0.035))
            {
                var x = _rng.NextDouble();
                var reason = x < 0.40 ? "goals_achieved" : x < 0.65 ? "employment" : x < 0.80 ? "moved" : "other";
                t = t.AddDays(_rng.ExpDays(10));
                Close(ref t, reason);
                return;
            }
        }
    }

    private void Close(ref DateOnly t, string reason)
    {
        if (Step(ref t, "closed", null))
        {
            _closed = t;
            _closureReason = reason;
        }
    }

    // Dates one event: the post holder on that day (after a vacancy, the replacement's first day).
    private bool Step(ref DateOnly t, string type, string? outcome, bool explicitAssignment = false)
    {
        if (_closed is not null) return false;
        if (type != "closed" && _forcedClose is { } fc && t >= fc)
        {
            var c = fc < _last ? _last : fc;
            Close(ref c, "benefit_ended");
            return false;
        }
        var holder = _slot.At(t);
        if (holder is null)
        {
            holder = _slot.NextAfter(t);
            if (holder is null) return false; // the post stays vacant: the case stalls
            t = holder.From;
        }
        if (t > _reference) return false;
        if (explicitAssignment)
        {
            _operator = holder.OperatorId;
            Emit("assigned", t, _operator, null);
            return true;
        }
        if (holder.OperatorId != _operator)
        {
            _operator = holder.OperatorId;
            Emit("assigned", t, _operator, null);
        }
        Emit(type, t, _operator, outcome);
        return true;
    }

    private void Emit(string type, DateOnly date, string? op, string? outcome)
    {
        var p = type switch
        {
            "first_meeting" => 0.4, "monitoring_meeting" => 0.3, "preassessment_completed" => 0.3,
            "closed" => 0.5, "plan_signed" => 0.25, "convocation" => 0.1, _ => 0.0,
        };
        var notes = p > 0 && _rng.Chance(p) ? NotesWriter.EventNote(_rng, type, outcome, _members) : null;
        _events.Add((type, date, op, outcome, notes));
        _last = date;
    }

    private void Referrals(string caseId, DateOnly plan)
    {
        var x = _rng.NextDouble();
        var count = x < 0.45 ? 0 : x < 0.80 ? 1 : x < 0.95 ? 2 : 3;
        var limit = _closed ?? _reference;
        var w = writers.Referrals;
        for (var i = 0; i < count; i++)
        {
            var sent = plan.AddDays(3 + _rng.ExpDays(25));
            if (sent > limit) continue;
            var u = _rng.NextDouble();
            var service = Services[Math.Max(0, Array.FindIndex(ServiceWeights, c => u < c))];
            var decided = sent.AddDays(7 + _rng.ExpDays(30));
            string outcome;
            DateOnly? outcomeDate = null;
            var y = _rng.NextDouble();
            if (decided > _reference || y >= 0.90) outcome = "pending";
            else
            {
                outcome = y < 0.62 ? "served" : y < 0.75 ? "refused" : "no_capacity";
                outcomeDate = decided;
            }
            w.Text(ids.Referral()); w.Text(caseId); w.Text(service); w.Date(sent); w.Text(outcome); w.Date(outcomeDate);
            w.EndRow();
        }
    }
}
