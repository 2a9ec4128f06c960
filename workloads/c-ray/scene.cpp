#include "workloads/c-ray/scene.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

namespace corebench::cray {
namespace {

// Reads the numbers of one scene-file line, reporting errors by line.
class LineReader {
 public:
  LineReader(std::string_view rest, int line) : rest_(rest), line_(line) {}

  bool at_end() {
    skip_space();
    return rest_.empty();
  }

  double number(const char* what) {
    skip_space();
    double value = 0;
    const auto [end, ec] = std::from_chars(rest_.data(), rest_.data() + rest_.size(), value);
    if (ec != std::errc() || !std::isfinite(value)) fail(fmt::format("expected {}", what));
    rest_.remove_prefix(static_cast<std::size_t>(end - rest_.data()));
    return value;
  }

  Vec3 vector(const char* what) {
    const double x = number(what), y = number(what), z = number(what);
    return {x, y, z};
  }

  Color color(const char* what) {
    const Vec3 v = vector(what);
    return {static_cast<float>(v.x), static_cast<float>(v.y), static_cast<float>(v.z)};
  }

  std::string_view word() {
    skip_space();
    std::size_t n = 0;
    while (n < rest_.size() && !is_space(rest_[n])) ++n;
    const std::string_view w = rest_.substr(0, n);
    rest_.remove_prefix(n);
    return w;
  }

  void expect_end() {
    if (!at_end()) fail(fmt::format("unexpected '{}'", word()));
  }

  [[noreturn]] void fail(const std::string& message) const {
    throw SceneError(fmt::format("scene line {}: {}", line_, message));
  }

 private:
  static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }
  void skip_space() {
    while (!rest_.empty() && is_space(rest_.front())) rest_.remove_prefix(1);
  }

  std::string_view rest_;
  int line_;
};

Sphere read_sphere(LineReader& in) {
  Sphere sphere;
  sphere.center = in.vector("the sphere's centre x y z");
  sphere.radius = in.number("the sphere's radius");
  if (sphere.radius <= 0) in.fail("a sphere's radius must be positive");
  // The material fields are optional from the left, as in c-ray.
  if (in.at_end()) return sphere;
  sphere.material.diffuse = in.color("the sphere's colour r g b");
  if (in.at_end()) return sphere;
  sphere.material.shininess = in.number("the sphere's shininess");
  if (in.at_end()) return sphere;
  sphere.material.reflectivity = in.number("the sphere's reflectivity");
  in.expect_end();
  return sphere;
}

void read_option(LineReader& in, Scene& scene) {
  const std::string_view name = in.word();
  if (name == "gamma") {
    scene.gamma = in.number("the gamma value");
    if (scene.gamma <= 0) in.fail("gamma must be positive");
  } else if (name == "ambient") {
    scene.ambient = in.color("the ambient colour r g b");
  } else if (name == "bgcolor") {
    scene.background = in.color("the background colour r g b");
  } else if (name == "samples") {
    in.number("the number of samples");
  } else {
    in.fail(fmt::format("unknown option '{}'", name));
  }
  in.expect_end();
}

}  // namespace

Scene parse_scene(std::string_view text) {
  Scene scene;
  bool has_camera = false;
  int line_number = 0;
  while (!text.empty()) {
    ++line_number;
    const std::size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    line = line.substr(0, line.find('#'));

    LineReader in(line, line_number);
    if (in.at_end()) continue;
    const std::string_view command = in.word();
    if (command == "s") {
      scene.spheres.push_back(read_sphere(in));
    } else if (command == "l") {
      Light light;
      light.position = in.vector("the light's position x y z");
      if (!in.at_end()) light.color = in.color("the light's colour r g b");
      in.expect_end();
      scene.lights.push_back(light);
    } else if (command == "c") {
      scene.camera.position = in.vector("the camera's position x y z");
      scene.camera.fov_degrees = in.number("the camera's field of view");
      scene.camera.target = in.vector("the camera's target x y z");
      in.expect_end();
      if (!(scene.camera.fov_degrees > 0 && scene.camera.fov_degrees < 180))
        in.fail("the field of view must be between 0 and 180 degrees");
      has_camera = true;
    } else if (command == "?") {
      read_option(in, scene);
    } else {
      in.fail(fmt::format("unsupported command '{}' (supported: s, l, c, ?)", command));
    }
  }
  if (!has_camera) throw SceneError("scene has no camera ('c' line)");
  if (scene.spheres.empty()) throw SceneError("scene has no spheres ('s' lines)");
  const Vec3 view = scene.camera.target - scene.camera.position;
  if (dot(view, view) == 0 || (view.x == 0 && view.z == 0))
    throw SceneError("the camera must look at a point away from it and not straight up or down");
  return scene;
}

Scene read_scene_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw SceneError("cannot open scene file " + path);
  std::stringstream text;
  text << in.rdbuf();
  return parse_scene(text.str());
}

}  // namespace corebench::cray
