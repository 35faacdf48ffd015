using Monitoring.Warehouse.Disclosure;

namespace Monitoring.Tests.Etl.OpenData;

/// <summary>
/// The outside reader, written independently of the library: takes the published cells, what each marker says
/// ("&lt;10" ⇒ 0..9, a secondary blank ⇒ at least 10, a rate blank ⇒ anything), and enumerates by brute force
/// every whole-number filling of the hidden cells that satisfies every line (total = Σ parts). A hidden cell is
/// recovered when only one value of it survives.
/// </summary>
public static class SubtractionAttacker
{
    public static Dictionary<string, SortedSet<int>> FeasibleValues(CellTable table, DisclosureResult published, int upper)
    {
        var hidden = published.Cells.Values.Where(c => c.Value is null).Select(c => c.Id).OrderBy(id => id, StringComparer.Ordinal).ToList();
        var known = published.Cells.Values.Where(c => c.Value is not null).ToDictionary(c => c.Id, c => (int)c.Value!.Value);
        var domains = hidden.ToDictionary(id => id, id => published[id].Suppression == Suppression.SmallCount
            ? Enumerable.Range(0, 10).ToArray() : Enumerable.Range(10, upper - 9).ToArray());
        var feasible = hidden.ToDictionary(id => id, _ => new SortedSet<int>());
        var assignment = new Dictionary<string, int>(known);
        Search(0);
        return feasible;

        void Search(int i)
        {
            if (!LinesHold()) return;
            if (i == hidden.Count)
            {
                foreach (var id in hidden) feasible[id].Add(assignment[id]);
                return;
            }
            foreach (var v in domains[hidden[i]])
            {
                assignment[hidden[i]] = v;
                Search(i + 1);
                assignment.Remove(hidden[i]);
            }
        }

        bool LinesHold()
        {
            foreach (var line in table.Lines)
            {
                if (!assignment.TryGetValue(line.TotalId, out var total)) continue;
                var sum = 0;
                var complete = true;
                foreach (var p in line.PartIds)
                {
                    if (assignment.TryGetValue(p, out var v)) sum += v; else { complete = false; break; }
                }
                if (complete && sum != total) return false;
                if (!complete && line.PartIds.Where(assignment.ContainsKey).Sum(p => assignment[p]) > total) return false;
            }
            return true;
        }
    }
}
