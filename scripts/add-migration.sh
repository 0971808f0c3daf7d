#!/usr/bin/env bash
# Adds a migration to one module (or plugin) for both providers: scripts/add-migration.sh Tickets AddPanels
set -euo pipefail
module="${1:?module name, e.g. Tickets}"
name="${2:?migration name, e.g. AddPanels}"
cd "$(dirname "$0")/.."
project="src/Modules/$module/TicketSaas.Modules.$module"
[ -d "$project" ] || project="src/Modules/$module/TicketSaas.Plugins.$module"
dotnet tool restore >/dev/null
dotnet build "$project" -v q -nologo >/dev/null
for provider in MySql Sqlite; do
  context="${module}DbContext"
  [ "$provider" = Sqlite ] && context="${module}SqliteDbContext"
  dotnet ef migrations add "$name" --no-build --project "$project" --startup-project "$project" \
    --context "$context" --output-dir "Persistence/Migrations/$provider"
done
# EF generates migrations as public classes; module assemblies expose only their public API (architecture tests),
# and EF finds internal migrations just as well.
sed -i -E 's/^( *)public partial class /\1internal partial class /' "$project"/Persistence/Migrations/*/*_"$name".cs
