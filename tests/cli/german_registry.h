// A registry far from Gansu and its own boundaries, shared by the CLI tests of region independence
// (boundaries_test, figure_command_test).
#pragma once

#include <string>

namespace circatlas::test {

/// Five works in Thuringia and Saxony: three in the square 10–11° E, 50–51° N, one in 11–12° E,
/// one east of both (13° E).
inline constexpr const char* kGermanRegistry =
    "name,lon,lat,industry_code\n"
    "Zementwerk,10.2,50.2,3011\n"
    "Kraftwerk,10.5,50.5,4411\n"
    "Ziegelei,10.8,50.8,3031\n"
    "Chemiepark,11.5,50.5,2614\n"
    "Kupferhuette,13.0,50.5,3211\n";

/// A GeoJSON polygon of the lon/lat rectangle.
inline std::string square(double west, double south, double east, double north) {
  const auto p = [](double x, double y) { return "[" + std::to_string(x) + "," + std::to_string(y) + "]"; };
  return "{\"type\":\"Polygon\",\"coordinates\":[[" + p(west, south) + "," + p(east, south) + "," + p(east, north) +
         "," + p(west, north) + "," + p(west, south) + "]]}";
}

/// Two districts of one level covering 10–12° E, 50–51° N, with the fields a German Kreise layer
/// has (AGS, GEN).
inline std::string kreise() {
  return "{\"type\":\"FeatureCollection\",\"features\":["
         "{\"type\":\"Feature\",\"properties\":{\"AGS\":\"16051\",\"GEN\":\"Alpha\"},\"geometry\":" +
         square(10, 50, 11, 51) +
         "},"
         "{\"type\":\"Feature\",\"properties\":{\"AGS\":\"14522\",\"GEN\":\"Beta\"},\"geometry\":" +
         square(11, 50, 12, 51) + "}]}";
}

/// Three districts of one level covering 10–13° E, 50–51° N: the two of kreise() and Gamma (12–13° E,
/// AGS 14523), enough units for Gi*.
inline std::string threeKreise() {
  std::string k = kreise();
  k.insert(k.rfind("]}"),
           ",{\"type\":\"Feature\",\"properties\":{\"AGS\":\"14523\",\"GEN\":\"Gamma\"},"
           "\"geometry\":" +
               square(12, 50, 13, 51) + "}");
  return k;
}

}  // namespace circatlas::test
