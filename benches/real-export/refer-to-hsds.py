#!/usr/bin/env python3
"""Turn a ReferNET/iCarol-style 211 resource export (one CSV row per agency,
program or site) into an HSDS 1.x CSV datapackage, so Waypoint's import can
be tried on a real 211 directory nobody here wrote.

Not part of the product: a test tool. The data it reads is public but is
not ours; nothing it writes is committed (it goes under target/).

    python3 benches/real-export/refer-to-hsds.py EXPORT.csv OUT_DIR [--no-dates] [--created YYYY-MM-DD]

The conversion is deliberately literal: fields are copied as the export has
them (blank names, "Inactive" status, free-text hours and languages,
scheme-less websites, coverage text), so the import meets the export's own
mess. Only the table layout changes. --no-dates leaves out the export's
verification and update dates, to try the import on an export with none;
--created writes the datapackage's `created` date.
"""
import csv
import json
import os
import re
import sys


def iso(value):
    """'5/8/12 8:45' -> '2012-05-08'; '' stays ''."""
    m = re.match(r"\s*(\d{1,2})/(\d{1,2})/(\d{2,4})", value or "")
    if not m:
        return ""
    month, day, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if year < 100:
        year += 2000 if year < 70 else 1900
    return f"{year:04d}-{month:02d}-{day:02d}"


def split_list(value):
    return [v.strip() for v in re.split(r"[;*]", value or "") if v.strip()]


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    no_dates = "--no-dates" in argv
    created = None
    if "--created" in argv:
        created = argv[argv.index("--created") + 1]
        args.remove(created)
    src, out = args[0], args[1]
    os.makedirs(out, exist_ok=True)
    with open(src, newline="", encoding="utf-8", errors="replace") as f:
        rows = list(csv.DictReader(f))

    tables = {name: [] for name in [
        "organizations", "services", "locations", "physical_addresses", "services_at_location",
        "phones", "languages", "eligibility", "services_taxonomy", "taxonomy", "service_areas",
        "regular_schedules"]}
    taxonomy = {}
    agencies = {r["ResourceAgencyNum"] for r in rows if r["TaxonomyLevelName"] == "Agency"}
    for r in rows:
        num = r["ResourceAgencyNum"]
        if r["TaxonomyLevelName"] == "Agency":
            tables["organizations"].append({
                "id": num, "name": r["PublicName"], "alternate_name": r["AlternateName"],
                "description": r["AgencyDescription"], "email": r["EmailAddressMain"],
                "url": r["WebsiteAddress"], "legal_status": r["LegalStatus"]})
            continue
        if r["TaxonomyLevelName"] != "Program":
            continue
        service = {
            "id": num, "organization_id": r["ParentAgencyNum"], "name": r["PublicName"],
            "alternate_name": r["AlternateName"], "description": r["AgencyDescription"],
            "url": r["WebsiteAddress"], "email": r["EmailAddressMain"],
            "status": r["AgencyStatus"], "application_process": r["ApplicationProcess"],
            "fees": r["FeeStructureSource"].strip(), "wait_time": "",
            "assured_date": "" if no_dates else iso(r["LastVerifiedOn"]),
            "last_modified": "" if no_dates else iso(r["UpdatedOn"]),
        }
        tables["services"].append(service)
        loc = f"loc-{num}"
        if r["PhysicalAddress1"].strip() or r["Latitude"].strip():
            tables["locations"].append({
                "id": loc, "organization_id": r["ParentAgencyNum"], "name": r["MailingAttentionName"],
                "description": r["PhysicalLocationDescription"], "transportation": r["BusServiceAccess"].strip(),
                "latitude": r["Latitude"], "longitude": r["Longitude"]})
            tables["physical_addresses"].append({
                "id": f"addr-{num}", "location_id": loc, "address_1": r["PhysicalAddress1"],
                "address_2": r["PhysicalAddress2"], "city": r["PhysicalCity"],
                "region": "" if r["PhysicalCounty"] == "-1" else r["PhysicalCounty"],
                "state_province": r["PhysicalStateProvince"], "postal_code": r["PhysicalPostalCode"],
                "country": r["PhysicalCountry"]})
            tables["services_at_location"].append({"id": f"sal-{num}", "service_id": num, "location_id": loc})
            if r["HoursOfOperation"].strip():
                tables["regular_schedules"].append({
                    "id": f"hours-{num}", "service_id": num, "location_id": loc, "weekday": "",
                    "opens_at": "", "closes_at": "", "description": r["HoursOfOperation"]})
        for i, (number_col, name_col, kind) in enumerate([
                ("Phone1Number", "Phone1Name", "voice"), ("Phone2Number", "Phone2Name", "voice"),
                ("Phone3Number", "Phone3Name", "voice"), ("Phone4Number", "Phone4Name", "voice"),
                ("Phone5Number", "Phone5Description", "voice"), ("PhoneTollFree", None, "voice"),
                ("PhoneNumberHotline", None, "voice"), ("PhoneTTY", None, "tty"), ("PhoneFax", None, "fax")]):
            if r[number_col].strip():
                tables["phones"].append({
                    "id": f"phone-{num}-{i}", "service_id": num, "number": r[number_col], "type": kind,
                    "description": r[name_col] if name_col else number_col.replace("Phone", "")})
        if r["LanguagesOffered"].strip():
            tables["languages"].append({"id": f"lang-{num}", "service_id": num, "language": r["LanguagesOffered"]})
        if r["Eligibility"].strip():
            tables["eligibility"].append({"id": f"elig-{num}", "service_id": num, "eligibility": r["Eligibility"]})
        for j, area in enumerate(split_list(r["CoverageArea"])):
            tables["service_areas"].append({"id": f"area-{num}-{j}", "service_id": num, "service_area": area})
        codes = split_list(r["TaxonomyCodes"])
        names = split_list(r["TaxonomyTerms"])
        for j, code in enumerate(dict.fromkeys(codes)):
            name = names[codes.index(code)].split(" - ")[-1] if len(names) == len(codes) else ""
            taxonomy.setdefault(code, {"id": code, "name": name, "parent_id": "", "vocabulary": "AIRS"})
            tables["services_taxonomy"].append({"id": f"st-{num}-{j}", "service_id": num, "taxonomy_id": code, "taxonomy_detail": name})
    tables["taxonomy"] = list(taxonomy.values())

    resources = []
    for name, table in tables.items():
        if not table:
            continue
        columns = list(table[0].keys())
        with open(os.path.join(out, f"{name}.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=columns)
            w.writeheader()
            w.writerows(table)
        resources.append({"name": name, "path": f"{name}.csv", "schema": {"fields": [{"name": c} for c in columns]}})
    package = {"name": "hsds-from-211-export", "version": "1.1", "resources": resources}
    if created:
        package["created"] = created
    with open(os.path.join(out, "datapackage.json"), "w") as f:
        json.dump(package, f, indent=2)
    missing = {s["organization_id"] for s in tables["services"]} - agencies
    print(f"{len(tables['services'])} services, {len(tables['organizations'])} organisations "
          f"({len(missing)} referenced but absent), {len(taxonomy)} taxonomy codes -> {out}")


if __name__ == "__main__":
    main(sys.argv[1:])
