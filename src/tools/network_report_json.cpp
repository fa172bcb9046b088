// NetworkReport ⇄ JSON with nlohmann-json: field names as in the struct.
#include "tools/network_report_json.h"

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace circatlas::tools {
namespace {

using nlohmann::json;

json toJson(const NetworkComponent& c) {
  return {{"nodes", c.nodes},   {"edges", c.edges},   {"lengthMeters", c.lengthMeters},
          {"lon", c.where.lon}, {"lat", c.where.lat}, {"someFeatures", c.someFeatures}};
}

NetworkComponent componentOf(const json& j) {
  NetworkComponent c;
  j.at("nodes").get_to(c.nodes);
  j.at("edges").get_to(c.edges);
  j.at("lengthMeters").get_to(c.lengthMeters);
  j.at("lon").get_to(c.where.lon);
  j.at("lat").get_to(c.where.lat);
  j.at("someFeatures").get_to(c.someFeatures);
  return c;
}

}  // namespace

std::string reportToJson(const NetworkReport& r) {
  json components = json::array();
  for (const NetworkComponent& c : r.components) components.push_back(toJson(c));
  const json j = {{"flavour", r.flavour},
                  {"featuresRead", r.featuresRead},
                  {"featuresUsed", r.featuresUsed},
                  {"skippedOtherMode", r.skippedOtherMode},
                  {"skippedNotForFreight", r.skippedNotForFreight},
                  {"skippedEmpty", r.skippedEmpty},
                  {"onewayLines", r.onewayLines},
                  {"publishedLengths", r.publishedLengths},
                  {"endsSnapped", r.endsSnapped},
                  {"totalLengthMeters", r.totalLengthMeters},
                  {"build",
                   {{"edgesAdded", r.build.edgesAdded},
                    {"arcsKept", r.build.arcsKept},
                    {"selfLoopsDropped", r.build.selfLoopsDropped},
                    {"parallelArcsDropped", r.build.parallelArcsDropped},
                    {"zeroLengthEdges", r.build.zeroLengthEdges}}},
                  {"nodes", r.nodes},
                  {"arcs", r.arcs},
                  {"components", components},
                  {"strongComponents", r.strongComponents}};
  return j.dump();
}

NetworkReport reportFromJson(const std::string& text) {
  try {
    const json j = json::parse(text);
    NetworkReport r;
    j.at("flavour").get_to(r.flavour);
    j.at("featuresRead").get_to(r.featuresRead);
    j.at("featuresUsed").get_to(r.featuresUsed);
    j.at("skippedOtherMode").get_to(r.skippedOtherMode);
    j.at("skippedNotForFreight").get_to(r.skippedNotForFreight);
    j.at("skippedEmpty").get_to(r.skippedEmpty);
    j.at("onewayLines").get_to(r.onewayLines);
    j.at("publishedLengths").get_to(r.publishedLengths);
    j.at("endsSnapped").get_to(r.endsSnapped);
    j.at("totalLengthMeters").get_to(r.totalLengthMeters);
    const json& b = j.at("build");
    b.at("edgesAdded").get_to(r.build.edgesAdded);
    b.at("arcsKept").get_to(r.build.arcsKept);
    b.at("selfLoopsDropped").get_to(r.build.selfLoopsDropped);
    b.at("parallelArcsDropped").get_to(r.build.parallelArcsDropped);
    b.at("zeroLengthEdges").get_to(r.build.zeroLengthEdges);
    j.at("nodes").get_to(r.nodes);
    j.at("arcs").get_to(r.arcs);
    for (const json& c : j.at("components")) r.components.push_back(componentOf(c));
    j.at("strongComponents").get_to(r.strongComponents);
    return r;
  } catch (const json::exception& e) {
    throw core::InputError(std::string("network report: ") + e.what());
  }
}

}  // namespace circatlas::tools
