using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace TicketSaas.BuildingBlocks.Application.Paging;

/// <summary>
/// Where a page sorted newest first ended: the last row's time and id, opaque to clients (base64url of "ticks.id").
/// The next page starts strictly after it, so rows added meanwhile neither repeat nor shift the pages.
/// </summary>
public readonly record struct KeysetCursor(DateTimeOffset At, Guid Id)
{
    public override string ToString() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{At.UtcTicks}.{Id:N}")));

    public static bool TryParse(string value, out KeysetCursor cursor)
    {
        cursor = default;

        // Ours are about 70 characters; anything much longer is not worth decoding.
        if (value.Length > 128 || !Base64Url.IsValid(value))
        {
            return false;
        }

        var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(value)).Split('.');
        if (parts is not [var ticks, var id]
            || !long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var utcTicks)
            || utcTicks > DateTimeOffset.MaxValue.UtcTicks
            || !Guid.TryParseExact(id, "N", out var guid))
        {
            return false;
        }

        cursor = new KeysetCursor(new DateTimeOffset(utcTicks, TimeSpan.Zero), guid);
        return true;
    }
}
