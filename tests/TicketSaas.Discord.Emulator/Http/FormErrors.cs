using System.Text.Json.Nodes;

namespace TicketSaas.Discord.Emulator.Http;

/// <summary>
/// Builds the <c>errors</c> object of a 50035 response: nested by field path (array indexes as keys),
/// each leaf holding <c>_errors: [{code, message}]</c>; an error on the whole body sits at the top.
/// </summary>
public sealed class FormErrors
{
    private readonly List<(IReadOnlyList<string> Path, string Code, string Message)> _entries = [];

    public bool IsEmpty => _entries.Count == 0;

    public void Add(IReadOnlyList<string> path, string code, string message) => _entries.Add((path, code, message));

    public void Add(string field, string code, string message) => Add([field], code, message);

    public JsonObject ToJson()
    {
        var root = new JsonObject();
        foreach (var (path, code, message) in _entries)
        {
            var node = root;
            foreach (var segment in path)
            {
                if (node[segment] is not JsonObject child)
                {
                    child = new JsonObject();
                    node[segment] = child;
                }

                node = child;
            }

            if (node["_errors"] is not JsonArray list)
            {
                list = [];
                node["_errors"] = list;
            }

            list.Add(new JsonObject { ["code"] = code, ["message"] = message });
        }

        return root;
    }
}
