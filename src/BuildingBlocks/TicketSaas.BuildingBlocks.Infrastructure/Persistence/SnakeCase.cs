using System.Text;

namespace TicketSaas.BuildingBlocks.Infrastructure.Persistence;

public static class SnakeCase
{
    /// <summary><c>TicketGuild</c> → <c>ticket_guild</c>, <c>PK_tickets_Category</c> → <c>pk_tickets_category</c>.</summary>
    public static string From(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && builder[^1] != '_')
            {
                var previous = name[i - 1];
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                {
                    builder.Append('_');
                }
            }

            if (c != '_' || (builder.Length > 0 && builder[^1] != '_'))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
